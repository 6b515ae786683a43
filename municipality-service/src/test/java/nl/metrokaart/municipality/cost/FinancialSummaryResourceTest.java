package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.reader;
import static nl.metrokaart.municipality.cost.CostFixtures.participations;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FinancialSummaryResourceTest {

    @Test
    void perMunicipalityTotalsAddUpToWhatIsAllocated() {
        Fixtures.municipality("GM1131", "Verantwoordstad", 20000);
        Fixtures.municipality("GM1132", "Rekendorp", 10000);
        UUID programme = UUID.randomUUID();
        UUID shared = Fixtures.project(programme, "FS-SHARED", "Gedeeld", new BigDecimal("1000.00"));
        UUID alone = Fixtures.project(programme, "FS-ALONE", "Alleen", new BigDecimal("333.33"));
        Fixtures.project(programme, "FS-NOBODY", "Niemand", new BigDecimal("10.00"));
        participations(shared, "GM1131", "GM1132");
        participations(alone, "GM1131");

        String etag = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("programmeId", programme.toString())
                .when().get("/api/v1/financial-summary")
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        JsonPath summary = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme.toString())
                .when().get("/api/v1/financial-summary")
                .then().statusCode(200).header("ETag", equalTo(etag)).extract().jsonPath();
        assertThat(summary.getString("programmeId"), is(programme.toString()));
        assertThat(summary.getInt("projectCount"), is(3));
        assertThat(summary.getLong("budgetCents"), is(134_333L));
        assertThat(summary.getLong("allocatedCents"), is(133_333L));
        assertThat(summary.getLong("unallocatedCents"), is(1_000L));
        long totals = summary.<Number>getList("municipalities.totalCents").stream().mapToLong(Number::longValue).sum();
        assertThat(totals, is(summary.getLong("allocatedCents")));

        Map<String, Object> verantwoordstad = summary.getMap("municipalities.find { it.municipalityCode == 'GM1131' }");
        assertThat(verantwoordstad.get("municipalityName"), is("Verantwoordstad"));
        assertThat(verantwoordstad.get("inhabitants"), is(20000));
        assertThat(verantwoordstad.get("participatingProjects"), is(2));
        assertThat(verantwoordstad.get("totalCents"), is(83_333));
        // 133333 of 134333 allocated is 99.26%: 83333 / 134333 = 62.0347...% and 50000 / 134333 = 37.2209...%.
        // Rounded each alone they would make 99.25; by largest remainder the larger remainder gets the last 0.01.
        assertThat(new BigDecimal(verantwoordstad.get("budgetSharePercent").toString()), is(new BigDecimal("62.04")));
        Map<String, Object> rekendorp = summary.getMap("municipalities.find { it.municipalityCode == 'GM1132' }");
        assertThat(rekendorp.get("totalCents"), is(50_000));
        assertThat(new BigDecimal(rekendorp.get("budgetSharePercent").toString()), is(new BigDecimal("37.22")));

        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("programmeId", programme.toString())
                .header("If-None-Match", etag).when().get("/api/v1/financial-summary").then().statusCode(304);
    }

    @Test
    void theSharesOfAFullyAllocatedBudgetAddUpToExactlyOneHundredPercent() {
        List<String> codes = List.of("GM1141", "GM1142", "GM1143");
        codes.forEach(code -> Fixtures.municipality(code, "Gelijkdorp " + code, 5000));
        UUID programme = UUID.randomUUID();
        UUID project = Fixtures.project(programme, "FS-THIRDS", "Derden", new BigDecimal("1000.00"));
        participations(project, codes.toArray(String[]::new));
        JsonPath summary = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("programmeId", programme.toString())
                .when().get("/api/v1/financial-summary").then().statusCode(200).extract().jsonPath();
        List<BigDecimal> percents = codes.stream().map(code -> new BigDecimal(summary.getString(
                "municipalities.find { it.municipalityCode == '%s' }.budgetSharePercent".formatted(code)))).toList();
        // A third each: 33.33 three times would leave 0.01 unaccounted for.
        assertThat(percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add), is(new BigDecimal("100.00")));
        assertThat(percents.stream().sorted().toList(),
                is(List.of(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"))));
    }

    @Test
    void withoutProgrammeItCoversEveryProjectAndEveryMunicipality() {
        Fixtures.municipality("GM1133", "Overaldorp", 3000);
        UUID projectId = Fixtures.project("FS-ALL");
        participations(projectId, "GM1133");
        JsonPath summary = given().auth().oauth2(reader(Roles.PROGRAMME_MANAGER)).when().get("/api/v1/financial-summary")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.get("programmeId"), is((Object) null));
        assertThat(summary.getInt("projectCount"), greaterThanOrEqualTo(1));
        List<String> codes = summary.getList("municipalities.municipalityCode");
        assertThat(codes, hasItems("GM1133"));
        assertThat(codes, is(codes.stream().sorted().toList()));
        long totals = summary.<Number>getList("municipalities.totalCents").stream().mapToLong(Number::longValue).sum();
        assertThat(totals + summary.getLong("unallocatedCents"), is(summary.getLong("budgetCents")));
    }

    @Test
    void badProgrammeIdIs400AndAnonymousIs401() {
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("programmeId", "programme-1")
                .when().get("/api/v1/financial-summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("programmeId"))
                .body("invalidParams[0].in", equalTo("query"));
        given().when().get("/api/v1/financial-summary").then().statusCode(401).contentType("application/problem+json");
    }
}
