package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.reader;
import static nl.metrokaart.municipality.cost.CostFixtures.participations;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MunicipalityCostsResourceTest {

    private static final UUID PROGRAMME = UUID.nameUUIDFromBytes("municipality-costs".getBytes(StandardCharsets.UTF_8));

    @Test
    void perProjectSharesAndTheirTotal() {
        Fixtures.municipality("GM1121", "Betaaldorp", 5000);
        Fixtures.municipality("GM1122", "Meebetaal", 5000);
        UUID both = Fixtures.project(PROGRAMME, "MC-BOTH", "Samen", new BigDecimal("100000.00"));
        UUID odd = Fixtures.project(PROGRAMME, "MC-ODD", "Oneven", new BigDecimal("50000.01"));
        UUID other = Fixtures.project(PROGRAMME, "MC-OTHER", "Zonder", new BigDecimal("777.77"));
        participations(both, "GM1121", "GM1122");
        participations(odd, "GM1121", "GM1122");
        participations(other, "GM1122");

        var pages = CostFixtures.pages("/api/v1/municipalities/GM1121/cost-allocations", 2, Roles.MUNICIPALITY_COORDINATOR);
        for (var page : pages) {
            assertThat(page.path("municipalityCode"), is("GM1121"));
            assertThat(page.path("municipalityName"), is("Betaaldorp"));
        }
        Map<String, Map<String, Object>> byProject = new HashMap<>();
        CostFixtures.everyItem(pages).forEach(item -> byProject.put((String) item.get("projectId"), item));
        long sum = CostFixtures.<Number>everyItems(pages, "amountCents").stream().mapToLong(Number::longValue).sum();
        long total = ((Number) pages.get(pages.size() - 1).path("totalCents")).longValue();
        // 5000001 cents in two: the odd cent goes to the first code, GM1121.
        assertThat(((Number) byProject.get(both.toString()).get("amountCents")).longValue(), is(5_000_000L));
        assertThat(((Number) byProject.get(odd.toString()).get("amountCents")).longValue(), is(2_500_001L));
        assertThat(byProject.get(odd.toString()).get("budgetCents"), is(5_000_001));
        assertThat(byProject.get(odd.toString()).get("projectCode"), is("MC-ODD"));
        assertThat(byProject.get(odd.toString()).get("method"), is("equal-share"));
        assertThat(byProject.get(other.toString()).get("participates"), is(false));
        assertThat(((Number) byProject.get(other.toString()).get("amountCents")).longValue(), is(0L));
        assertThat(total, is(7_500_001L));
        assertThat(sum, is(total));
    }

    @Test
    void unknownMunicipalityIs404AndBadParametersAre400() {
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/municipalities/GM9998/cost-allocations")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        Fixtures.municipality("GM1123", "Parameterdorp", 100);
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("cursor", "bm90IGpzb24")
                .when().get("/api/v1/municipalities/GM1123/cost-allocations")
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("cursor"));
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", "-1")
                .when().get("/api/v1/municipalities/GM1123/cost-allocations")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("limit"));
        given().when().get("/api/v1/municipalities/GM1123/cost-allocations").then().statusCode(401);
    }
}
