package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.reader;
import static nl.metrokaart.municipality.cost.CostFixtures.allocation;
import static nl.metrokaart.municipality.cost.CostFixtures.amounts;
import static nl.metrokaart.municipality.cost.CostFixtures.chooseKey;
import static nl.metrokaart.municipality.cost.CostFixtures.costAllocationEvents;
import static nl.metrokaart.municipality.cost.CostFixtures.participates;
import static nl.metrokaart.municipality.cost.CostFixtures.participations;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test has its own projects; the municipalities GM11xx belong to these tests (the database is shared). */
@QuarkusTest
class CostAllocationResourceTest {

    private static final String ALPHA = "GM1101";
    private static final String BETA = "GM1102";
    private static final String GAMMA = "GM1103";
    private static final String DELTA = "GM1104";

    @BeforeEach
    void municipalities() {
        Fixtures.municipality(ALPHA, "Kostwijk Alpha", 12000);
        Fixtures.municipality(BETA, "Kostwijk Beta", 9000);
        Fixtures.municipality(GAMMA, "Kostwijk Gamma", 14000);
        Fixtures.municipality(DELTA, "Kostwijk Delta", 9800);
    }

    @Test
    void aNewProjectNobodyParticipatesInLeavesItsBudgetUnallocated() {
        UUID projectId = Fixtures.project("COST-EMPTY");
        JsonPath allocation = allocation(projectId);
        assertThat(allocation.getString("projectCode"), is("COST-EMPTY"));
        assertThat(allocation.getString("projectName"), is("Project COST-EMPTY"));
        assertThat(allocation.getLong("budgetCents"), is(10_000_000L));
        assertThat(allocation.getString("method"), is("equal-share"));
        assertThat(allocation.get("inhabitantsWeightPercent"), nullValue());
        assertThat(allocation.getLong("unallocatedCents"), is(10_000_000L));
        assertThat(allocation.getList("shares.amountCents"), everyItem(is(0)));
        assertThat(allocation.getList("shares.participates"), everyItem(is(false)));
        assertThat(allocation.getList("shares.municipalityCode"), hasItem(DELTA));
        assertThat(allocation.getString("computedAt"), notNullValue());
        assertThat(costAllocationEvents(projectId), is(0L));
    }

    @Test
    void withoutAKeyTheParticipantsShareEquallyAndTheFirstCodeGetsTheOddCent() {
        UUID projectId = Fixtures.project("COST-EQUAL");
        participations(projectId, ALPHA, BETA, GAMMA);
        Fixtures.participation(DELTA, projectId, false);
        assertThat(amounts(projectId, ALPHA, BETA, GAMMA, DELTA),
                is(Map.of(ALPHA, 3_333_334L, BETA, 3_333_333L, GAMMA, 3_333_333L, DELTA, 0L)));
        JsonPath allocation = allocation(projectId);
        assertThat(allocation.getString("method"), is("equal-share"));
        assertThat(allocation.getLong("unallocatedCents"), is(0L));
        Map<String, Object> delta = allocation.getMap("shares.find { it.municipalityCode == '" + DELTA + "' }");
        assertThat(delta.get("participates"), is(false));
        assertThat(delta.get("municipalityName"), is("Kostwijk Delta"));
        assertThat(delta.get("inhabitants"), is(9800));
    }

    @Test
    void participantsOnlyLeavesOutTheMunicipalitiesThatPayNothing() {
        UUID projectId = Fixtures.project("COST-PARTICIPANTS");
        participations(projectId, ALPHA, GAMMA);
        Fixtures.participation(DELTA, projectId, false);
        String url = "/api/v1/cost-allocations/" + projectId;
        List<String> everyone = given().auth().oauth2(reader(Roles.SECRETARY)).when().get(url)
                .then().statusCode(200).extract().path("shares.municipalityCode");
        assertThat(everyone, hasItem(BETA));
        assertThat(everyone, hasItem(DELTA));
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("participantsOnly", "true").when().get(url)
                .then().statusCode(200)
                .body("shares.municipalityCode", contains(ALPHA, GAMMA))
                .body("shares.amountCents", contains(5_000_000, 5_000_000))
                .body("unallocatedCents", equalTo(0));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString())
                .queryParam("participantsOnly", "true").when().get("/api/v1/cost-allocations")
                .then().statusCode(200).body("items[0].shares.municipalityCode", contains(ALPHA, GAMMA));
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("participantsOnly", "false").when().get(url)
                .then().statusCode(200).body("shares.municipalityCode", equalTo(everyone));
        for (String path : List.of(url, "/api/v1/cost-allocations")) {
            given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("participantsOnly", "yes").when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("invalidParams[0].name", equalTo("participantsOnly"));
        }
    }

    @Test
    void byInhabitantsTheLeftoverCentGoesToTheLargestRemainder() {
        UUID projectId = Fixtures.project("COST-INHABITANTS");
        chooseKey(projectId, "{\"method\": \"by-inhabitants\"}");
        participations(projectId, ALPHA, BETA, GAMMA);
        // 10000000 cents by 12000 : 9000 : 14000 = 3428571.43 : 2571428.57 : 4000000: one cent left, for Beta's .57.
        assertThat(amounts(projectId, ALPHA, BETA, GAMMA, DELTA),
                is(Map.of(ALPHA, 3_428_571L, BETA, 2_571_429L, GAMMA, 4_000_000L, DELTA, 0L)));
        JsonPath allocation = allocation(projectId);
        assertThat(allocation.getString("method"), is("by-inhabitants"));
        assertThat(allocation.getInt("shares.find { it.municipalityCode == '" + GAMMA + "' }.inhabitants"), is(14000));
    }

    @Test
    void aNewKeyRecomputesAndAnUnchangedSplitRecordsNoEvent() {
        UUID projectId = Fixtures.project("COST-KEY");
        participations(projectId, ALPHA, BETA, GAMMA);
        long events = costAllocationEvents(projectId);
        long version = allocation(projectId).getLong("version");

        chooseKey(projectId, "{\"method\": \"weighted\", \"inhabitantsWeightPercent\": 50}");
        // Half by 12000 : 9000 : 14000, half equally: 3380952.38 : 2952380.95 : 3666666.67.
        assertThat(amounts(projectId, ALPHA, BETA, GAMMA), is(Map.of(ALPHA, 3_380_952L, BETA, 2_952_381L, GAMMA, 3_666_667L)));
        assertThat(allocation(projectId).getInt("inhabitantsWeightPercent"), is(50));
        assertThat(allocation(projectId).getLong("version"), is(version + 1));
        assertThat(costAllocationEvents(projectId), is(events + 1));

        chooseKey(projectId, "{\"method\": \"weighted\", \"inhabitantsWeightPercent\": 0}");
        assertThat(amounts(projectId, ALPHA, BETA, GAMMA), is(Map.of(ALPHA, 3_333_334L, BETA, 3_333_333L, GAMMA, 3_333_333L)));
        assertThat(costAllocationEvents(projectId), is(events + 2));

        // Weighted 0 % is equal shares: the key changes, what anyone pays does not, so no event.
        chooseKey(projectId, "{\"method\": \"equal-share\"}");
        assertThat(allocation(projectId).getString("method"), is("equal-share"));
        assertThat(allocation(projectId).get("inhabitantsWeightPercent"), nullValue());
        assertThat(costAllocationEvents(projectId), is(events + 2));
    }

    @Test
    void aParticipationChangeRecomputesInItsOwnTransaction() {
        UUID projectId = Fixtures.project("COST-PARTICIPATION");
        participations(projectId, ALPHA, BETA);
        assertThat(amounts(projectId, ALPHA, BETA), is(Map.of(ALPHA, 5_000_000L, BETA, 5_000_000L)));
        assertThat(costAllocationEvents(projectId), is(2L));

        participates(BETA, projectId, false);
        assertThat(amounts(projectId, ALPHA, BETA), is(Map.of(ALPHA, 10_000_000L, BETA, 0L)));
        assertThat(allocation(projectId).getBoolean("shares.find { it.municipalityCode == '" + BETA + "' }.participates"), is(false));
        assertThat(costAllocationEvents(projectId), is(3L));

        // A change that leaves who participates alone (here the implementation status) records no cost event.
        participates(ALPHA, projectId, true);
        assertThat(costAllocationEvents(projectId), is(3L));

        participates(BETA, projectId, true);
        assertThat(amounts(projectId, ALPHA, BETA), is(Map.of(ALPHA, 5_000_000L, BETA, 5_000_000L)));
        assertThat(costAllocationEvents(projectId), is(4L));
    }

    @Test
    void aChangeOfInhabitantsRecomputesTheProjectsTheMunicipalityPaysFor() {
        Fixtures.municipality("GM1111", "Groeistad", 10000);
        Fixtures.municipality("GM1112", "Vaststad", 30000);
        UUID shared = Fixtures.project("COST-GROWTH");
        chooseKey(shared, "{\"method\": \"by-inhabitants\"}");
        participations(shared, "GM1111", "GM1112");
        UUID without = Fixtures.project("COST-NO-GROWTH");
        chooseKey(without, "{\"method\": \"by-inhabitants\"}");
        participations(without, "GM1112");
        assertThat(amounts(shared, "GM1111", "GM1112"), is(Map.of("GM1111", 2_500_000L, "GM1112", 7_500_000L)));
        long untouchedVersion = allocation(without).getLong("version");

        String url = "/api/v1/municipalities/GM1111";
        given().auth().oauth2(Fixtures.manager()).contentType("application/json").header("If-Match", Fixtures.etag(url))
                .body(Map.of("code", "GM1111", "name", "Groeistad", "inhabitants", 30000, "municipalSecretary", "A. de Graaf"))
                .when().put(url).then().statusCode(200);

        assertThat(amounts(shared, "GM1111", "GM1112"), is(Map.of("GM1111", 5_000_000L, "GM1112", 5_000_000L)));
        assertThat(allocation(shared).getInt("shares.find { it.municipalityCode == 'GM1111' }.inhabitants"), is(30000));
        assertThat(allocation(without).getLong("version"), is(untouchedVersion));
    }

    @Test
    void concurrentParticipationsAreAllCountedOnce() throws Exception {
        List<String> codes = List.of("GM1151", "GM1152", "GM1153", "GM1154", "GM1155", "GM1156");
        codes.forEach(code -> Fixtures.municipality(code, "Tegelijk " + code, 1000));
        UUID projectId = Fixtures.project("COST-CONCURRENT");
        ExecutorService pool = Executors.newFixedThreadPool(codes.size());
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (String code : codes) {
                registered.add(pool.submit(() -> Fixtures.participation(code, projectId, true)));
            }
            for (Future<String> registration : registered) {
                registration.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // 10000000 / 6 = 1666666.67: four cents left over for the four lowest codes.
        Map<String, Long> amounts = amounts(projectId, codes.toArray(String[]::new));
        assertThat(amounts, is(Map.of("GM1151", 1_666_667L, "GM1152", 1_666_667L, "GM1153", 1_666_667L,
                "GM1154", 1_666_667L, "GM1155", 1_666_666L, "GM1156", 1_666_666L)));
    }

    @Test
    void anUnknownProjectIs404() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/cost-allocations/" + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString(unknown.toString()));
    }

    @Test
    void everyRoleReadsWithETagsAndAnonymousIs401() {
        UUID projectId = Fixtures.project("COST-READ");
        String url = "/api/v1/cost-allocations/" + projectId;
        String etag = null;
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            etag = given().auth().oauth2(reader(role)).when().get(url).then().statusCode(200)
                    .header("ETag", notNullValue()).extract().header("ETag");
        }
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", etag).when().get(url).then().statusCode(304);
        participations(projectId, ALPHA);
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", etag).when().get(url).then().statusCode(200);
        given().when().get(url).then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/cost-allocations").then().statusCode(401);
    }

    @Test
    void theListPagesFiltersByProjectAndRefusesBadParameters() {
        UUID first = Fixtures.project("COST-LIST-1");
        UUID second = Fixtures.project("COST-LIST-2");
        List<String> seen = CostFixtures.everyItems(CostFixtures.pages("/api/v1/cost-allocations", 5, Roles.INTEGRATOR), "projectId");
        assertThat(seen, hasItem(first.toString()));
        assertThat(seen, hasItem(second.toString()));
        assertThat(seen, is(seen.stream().distinct().sorted().toList()));

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", second.toString())
                .when().get("/api/v1/cost-allocations")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].projectId", equalTo(second.toString()))
                .body("items[0].projectCode", equalTo("COST-LIST-2"))
                .body("nextCursor", nullValue());

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", "not-a-uuid").when().get("/api/v1/cost-allocations")
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("projectId"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("cursor", "%%%").when().get("/api/v1/cost-allocations")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("cursor"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("limit", "0").when().get("/api/v1/cost-allocations")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("limit"));
    }
}
