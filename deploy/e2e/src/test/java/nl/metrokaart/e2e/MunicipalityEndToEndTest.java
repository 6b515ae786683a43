package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static nl.metrokaart.e2e.RunningStack.keycloak;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * municipality-service through the gateway with real Keycloak tokens, on the one running stack: what each
 * municipality's coordinator may change, the decision that refuses a variant, and the cost allocation that follows
 * programme-service's budget over Kafka. Uses its own programme and projects beside the demo's, and the demo's five
 * municipalities, whose coordinators the realm holds.
 */
@ExtendWith(RunningStack.class)
class MunicipalityEndToEndTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** Coordinator login by the CBS code in its token's municipality claim. */
    private static final Map<String, String> COORDINATORS = Map.of(
            "GM0610", "coordinator-schoonhoven", "GM0491", "coordinator-bergambacht", "GM0643", "coordinator-nederlek",
            "GM0623", "coordinator-vlist", "GM0644", "coordinator-ouderkerk");

    private static String programmeId;

    @BeforeAll
    static void programme() {
        programmeId = RunningStack.programme("EGEM municipality e2e", "Share the work and the costs fairly.", "back-office", "Back office", "#E30613");
    }




    /** A project of the test programme with a budget in euros, once municipality-service knows it from the events. */
    private static String project(String ofProgrammeId, String code, String budget) {
        String projectId = given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(projectBody(ofProgrammeId, code, budget))
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        String reader = user("secretary-schoonhoven");
        await().atMost(EVENTUALLY).until(() -> given().baseUri(gateway()).auth().oauth2(reader)
                .when().get("/api/v1/harmonisation").then().statusCode(200)
                .extract().jsonPath().getList("projects.projectId").contains(projectId));
        return projectId;
    }

    private static String projectBody(String ofProgrammeId, String code, String budget) {
        return """
                {"programmeId": "%s", "code": "%s", "name": "Project %s", "description": "Created by the municipality end-to-end test.",
                 "line": "back-office", "plannedStartDate": "2009-03-01", "plannedEndDate": "2010-12-31",
                 "budget": %s, "owner": "Programme office"}""".formatted(ofProgrammeId, code, code, budget);
    }

    private static Response participate(String token, String municipalityCode, String projectId, boolean participates) {
        return given().baseUri(gateway()).auth().oauth2(token).contentType("application/json")
                .body(Map.of("projectId", projectId, "participates", participates, "localLead", "Local lead of " + municipalityCode,
                        "implementationStatus", "preparing", "plannedGoLiveDate", "2010-12-31"))
                .when().post("/api/v1/municipalities/" + municipalityCode + "/participations");
    }

    private static Response costAllocation(String projectId) {
        return given().baseUri(gateway()).auth().oauth2(user("secretary-vlist"))
                .when().get("/api/v1/cost-allocations/" + projectId).then().statusCode(200).extract().response();
    }

    private static long sumOfShares(Response allocation) {
        return allocation.jsonPath().getList("shares.amountCents", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void eachCoordinatorRegistersParticipationForItsOwnMunicipalityOnly() {
        String projectId = project(programmeId, "SCOPE", "1000.00");
        for (Map.Entry<String, String> coordinator : COORDINATORS.entrySet()) {
            String token = user(coordinator.getValue());
            for (String municipalityCode : COORDINATORS.keySet()) {
                Response response = participate(token, municipalityCode, projectId, true);
                if (municipalityCode.equals(coordinator.getKey())) {
                    assertEquals(201, response.statusCode(), coordinator.getValue() + " for " + municipalityCode + ": " + response.asString());
                } else {
                    response.then().statusCode(403).contentType(startsWith("application/problem+json"))
                            .body("status", equalTo(403)).body("detail", containsString(municipalityCode));
                }
            }
        }
        // Each municipality has exactly the participation its own coordinator registered.
        for (String municipalityCode : COORDINATORS.keySet()) {
            given().baseUri(gateway()).auth().oauth2(user("secretary-nederlek"))
                    .when().get("/api/v1/municipalities/" + municipalityCode + "/participations/" + projectId)
                    .then().statusCode(200).header("ETag", startsWith("\""))
                    .body("participates", equalTo(true)).body("localLead", equalTo("Local lead of " + municipalityCode));
        }
        // Readers cannot write; a secretary is no coordinator even of its own municipality.
        participate(user("secretary-schoonhoven"), "GM0610", projectId, false).then().statusCode(403);
    }

    @Test
    void aUniformDecisionRefusesAVariantAndHarmonisationCountsTheChoices() {
        String projectId = project(programmeId, "UNIFORM", "500.00");
        String vlist = user("coordinator-vlist");
        String ouderkerk = user("coordinator-ouderkerk");
        participate(vlist, "GM0623", projectId, true).then().statusCode(201);
        participate(ouderkerk, "GM0644", projectId, true).then().statusCode(201);

        String decision = """
                {"projectId": "%s", "question": "One process for all?", "options": ["One uniform process", "Own variants"],
                 "outcome": "uniform", "decidingBody": "steering-committee", "decidedOn": "2010-01-14",
                 "rationale": "One way of working instead of five."}""".formatted(projectId);
        given().baseUri(gateway()).auth().oauth2(user("secretary-vlist")).contentType("application/json").body(decision)
                .when().post("/api/v1/decisions").then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().baseUri(gateway()).auth().oauth2(vlist).contentType("application/json").body(decision)
                .when().post("/api/v1/decisions").then().statusCode(403);
        String decisionId = given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(decision).when().post("/api/v1/decisions")
                .then().statusCode(201).header("Location", containsString("/api/v1/decisions/")).extract().path("id");

        given().baseUri(gateway()).auth().oauth2(vlist).contentType("application/json")
                .body(Map.of("projectId", projectId, "approach", "variant", "variantName", "Vlist's own process",
                        "justification", "We prefer our own."))
                .when().post("/api/v1/municipalities/GM0623/variant-choices")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString(decisionId))
                .body("decision.href", equalTo("/api/v1/decisions/" + decisionId));
        given().baseUri(gateway()).auth().oauth2(vlist).contentType("application/json")
                .body(Map.of("projectId", projectId, "approach", "uniform", "justification", "Follows the decision."))
                .when().post("/api/v1/municipalities/GM0623/variant-choices").then().statusCode(201);

        given().baseUri(gateway()).auth().oauth2(user("secretary-bergambacht")).when().get("/api/v1/harmonisation")
                .then().statusCode(200)
                .rootPath("projects.find { it.projectId == '%s' }".formatted(projectId))
                .body("decisionId", equalTo(decisionId))
                .body("decisionOutcome", equalTo("uniform"))
                .body("participatingMunicipalities", equalTo(2))
                .body("followingUniform", equalTo(1))
                .body("withOwnVariant", equalTo(0))
                .body("withoutChoice", equalTo(1));

        // An integrator reads the decision register with its client-credentials token.
        given().baseUri(gateway()).auth().oauth2(keycloak().clientCredentials("integrator-client", "integrator-secret"))
                .queryParam("projectId", projectId).when().get("/api/v1/decisions")
                .then().statusCode(200).body("items.id", hasItem(decisionId));

        // newsletter-service learns the decision and the choice from municipality-service's events: both are in the
        // programme's activity feed, the choice also under Vlist's municipality code.
        String reader = integrator();
        Response decided = awaitActivity(reader, Map.of("projectId", projectId, "type", "decision-recorded"));
        assertEquals("nl.metrokaart.municipality.decision-recorded", decided.path("items[0].eventType"));
        assertEquals("urn:nld:metrokaart:systeem:municipality-service", decided.path("items[0].eventSource"));
        assertEquals(decisionId, decided.path("items[0].data.id"));
        assertThat(decided.path("items[0].summary"), startsWith("De stuurgroep heeft over UNIFORM"));
        assertThat(decided.path("items[0].summary"), endsWith(" besloten: één uniforme werkwijze voor alle gemeenten."));
        Response chosen = awaitActivity(reader, Map.of("projectId", projectId, "municipalityCode", "GM0623",
                "type", "variant-choice-made"));
        assertEquals("GM0623", chosen.path("items[0].municipalityCode"));
        assertThat(chosen.path("items[0].summary"), startsWith("Vlist volgt de uniforme werkwijze voor UNIFORM"));
        // Ouderkerk registered its participation and pays its share of the project, but made no choice.
        List<String> ouderkerkActivities = await().atMost(EVENTUALLY).until(() -> given().baseUri(gateway()).auth().oauth2(reader)
                        .queryParam("projectId", projectId).queryParam("municipalityCode", "GM0644")
                        .when().get("/api/v1/activities").then().statusCode(200).extract().<List<String>>path("items.type"),
                types -> types.containsAll(List.of("participation-registered", "cost-allocation-changed")));
        assertTrue(!ouderkerkActivities.contains("variant-choice-made"), ouderkerkActivities.toString());
    }

    /** Waits until the activity feed, filtered by {@code query}, holds exactly one activity; returns that page. */
    private static Response awaitActivity(String token, Map<String, String> query) {
        return await().atMost(EVENTUALLY).until(() -> given().baseUri(gateway()).auth().oauth2(token).queryParams(query)
                        .when().get("/api/v1/activities"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() == 1);
    }

    @Test
    void theCostAllocationFollowsKeyParticipationAndTheBudgetChangedInProgrammeService() {
        // A programme of its own, so that its financial summary holds this one project.
        String costsProgrammeId = RunningStack.programme("EGEM cost sharing e2e", "Share the costs to the cent.",
                "back-office", "Back office", "#E30613");
        String projectId = project(costsProgrammeId, "COSTS", "1000.00");
        for (Map.Entry<String, String> coordinator : COORDINATORS.entrySet()) {
            participate(user(coordinator.getValue()), coordinator.getKey(), projectId, true).then().statusCode(201);
        }
        given().baseUri(gateway()).auth().oauth2(user("coordinator-schoonhoven")).contentType("application/json")
                .body(Map.of("method", "equal-share")).when().put("/api/v1/allocation-keys/" + projectId)
                .then().statusCode(403);
        given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(Map.of("method", "weighted")).when().put("/api/v1/allocation-keys/" + projectId)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("invalidParams.name", hasItem("inhabitantsWeightPercent"));
        given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(Map.of("method", "weighted", "inhabitantsWeightPercent", 50))
                .when().put("/api/v1/allocation-keys/" + projectId)
                .then().statusCode(201).body("method", equalTo("weighted"));

        Response allocation = costAllocation(projectId);
        assertEquals(100_000L, allocation.jsonPath().getLong("budgetCents"));
        assertEquals("weighted", allocation.jsonPath().getString("method"));
        assertEquals(100_000L, sumOfShares(allocation), allocation.asString());

        // The programme manager raises the budget in programme-service; the event brings it to the allocation.
        String manager = user("programme-manager");
        String etag = given().baseUri(gateway()).auth().oauth2(manager).when().get("/api/v1/projects/" + projectId)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json").header("If-Match", etag)
                .body(projectBody(costsProgrammeId, "COSTS", "1234.57")).when().put("/api/v1/projects/" + projectId)
                .then().statusCode(200);
        await().atMost(EVENTUALLY).until(() -> costAllocation(projectId).jsonPath().getLong("budgetCents") == 123_457L);
        assertEquals(123_457L, sumOfShares(costAllocation(projectId)));

        // Ouderkerk withdraws: it pays nothing and the other four pay the whole budget.
        String ouderkerk = user("coordinator-ouderkerk");
        String participationUrl = "/api/v1/municipalities/GM0644/participations/" + projectId;
        String participationEtag = given().baseUri(gateway()).auth().oauth2(ouderkerk).when().get(participationUrl)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> withdrawal = Map.of("projectId", projectId, "participates", false,
                "localLead", "Local lead of GM0644", "implementationStatus", "not-started");
        given().baseUri(gateway()).auth().oauth2(ouderkerk).contentType("application/json").header("If-Match", "\"stale\"")
                .body(withdrawal).when().put(participationUrl)
                .then().statusCode(412).contentType(startsWith("application/problem+json"));
        given().baseUri(gateway()).auth().oauth2(ouderkerk).contentType("application/json").header("If-Match", participationEtag)
                .body(withdrawal).when().put(participationUrl).then().statusCode(200);

        Response afterWithdrawal = costAllocation(projectId);
        assertEquals(123_457L, sumOfShares(afterWithdrawal), afterWithdrawal.asString());
        assertEquals(0L, afterWithdrawal.jsonPath().getLong("shares.find { it.municipalityCode == 'GM0644' }.amountCents"));
        assertEquals(false, afterWithdrawal.jsonPath().getBoolean("shares.find { it.municipalityCode == 'GM0644' }.participates"));
        List<Long> payers = afterWithdrawal.jsonPath().getList("shares.findAll { it.participates }.amountCents", Long.class);
        assertEquals(4, payers.size());

        // The shared financial justification of this programme: one project, allocated in full.
        Response summary = given().baseUri(gateway()).auth().oauth2(user("secretary-ouderkerk"))
                .queryParam("programmeId", costsProgrammeId).when().get("/api/v1/financial-summary")
                .then().statusCode(200).extract().response();
        assertEquals(123_457L, summary.jsonPath().getLong("allocatedCents"));
        long totals = summary.jsonPath().getList("municipalities.totalCents", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(123_457L, totals);
        Set<String> codes = new HashSet<>(summary.jsonPath().getList("municipalities.municipalityCode"));
        assertTrue(codes.containsAll(COORDINATORS.keySet()), codes.toString());

        // One municipality's view of what it pays.
        String vlist = user("coordinator-vlist");
        List<String> vlistProjects = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().baseUri(gateway()).auth().oauth2(vlist).queryParam("limit", 100);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            Response answer = page.when().get("/api/v1/municipalities/GM0623/cost-allocations")
                    .then().statusCode(200).extract().response();
            vlistProjects.addAll(answer.jsonPath().getList("items.projectId"));
            cursor = answer.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertTrue(vlistProjects.contains(projectId), vlistProjects.toString());
    }

    @Test
    void invalidInputIsAProblemWithInvalidParamsAndUnknownIdsAre404() {
        String manager = user("programme-manager");
        given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                .body(Map.of("projectId", "not-a-uuid", "participates", true, "implementationStatus", "live"))
                .when().post("/api/v1/municipalities/GM0610/participations")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                .body(Map.of("method", "weighted"))
                .when().put("/api/v1/allocation-keys/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().baseUri(gateway()).auth().oauth2(manager).when().get("/api/v1/municipalities/GM9999")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().baseUri(gateway()).auth().oauth2(manager).when().get("/api/v1/decisions/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
