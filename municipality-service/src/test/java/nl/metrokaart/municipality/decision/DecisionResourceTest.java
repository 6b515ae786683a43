package nl.metrokaart.municipality.decision;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.choice;
import static nl.metrokaart.municipality.Fixtures.decision;
import static nl.metrokaart.municipality.Fixtures.decisionBody;
import static nl.metrokaart.municipality.Fixtures.etag;
import static nl.metrokaart.municipality.Fixtures.manager;
import static nl.metrokaart.municipality.Fixtures.municipality;
import static nl.metrokaart.municipality.Fixtures.participation;
import static nl.metrokaart.municipality.Fixtures.project;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.municipality.BrokerRecords;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.platform.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionResourceTest {

    private static final String DECISIONS = "/api/v1/decisions";

    @Inject
    ObjectMapper objectMapper;

    @Test
    void recordThenReadBack() {
        UUID projectId = project("DURP");
        String id = given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-05-12"))
                .when().post(DECISIONS)
                .then().statusCode(201)
                .header("Location", containsString(DECISIONS + "/"))
                .body("projectId", equalTo(projectId.toString()))
                .body("projectCode", equalTo("DURP"))
                .body("question", equalTo("One process for all?"))
                .body("options", equalTo(List.of("one process", "own processes")))
                .body("outcome", equalTo("uniform"))
                .body("decidingBody", equalTo("steering-committee"))
                .body("decidingMunicipalityCode", nullValue())
                .body("decidedOn", equalTo("2026-05-12"))
                .body("rationale", equalTo("Cheaper to run together."))
                .extract().path("id");
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).when().get(DECISIONS + "/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        String etag = etag(DECISIONS + "/" + id);
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", etag).when().get(DECISIONS + "/" + id).then().statusCode(304);
        given().auth().oauth2(admin()).when().get(DECISIONS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(DECISIONS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aMunicipalBodyNamesItsMunicipalityAndAJointBodyNone() {
        municipality("GM2001", "Besluit Een");
        UUID projectId = project("GBA");
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "variants-allowed", "council", "GM2001", "2026-06-01"))
                .when().post(DECISIONS)
                .then().statusCode(201).body("decidingMunicipalityCode", equalTo("GM2001"));
        for (String body : List.of("municipal-executive", "council")) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body(decisionBody(projectId, "variants-allowed", body, null, "2026-06-01"))
                    .when().post(DECISIONS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("invalidParams.name", hasItem("decidingMunicipalityCode"));
        }
        for (String body : List.of("steering-committee", "secretaries-meeting")) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body(decisionBody(projectId, "variants-allowed", body, "GM2001", "2026-06-01"))
                    .when().post(DECISIONS)
                    .then().statusCode(400).body("invalidParams.name", hasItem("decidingMunicipalityCode"));
        }
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "variants-allowed", "municipal-executive", "GM2999", "2026-06-01"))
                .when().post(DECISIONS)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("decidingMunicipalityCode"))
                .body("detail", containsString("GM2999"));
        given().auth().oauth2(admin()).queryParam("projectId", projectId.toString()).when().get(DECISIONS)
                .then().body("items", hasSize(1));
    }

    @Test
    void invalidBodiesAre400WithInvalidParams() {
        UUID projectId = project("BAG");
        given().auth().oauth2(manager()).contentType("application/json").body("{}")
                .when().post(DECISIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("question"))
                .body("invalidParams.name", hasItem("projectId"))
                .body("invalidParams.name", hasItem("options"))
                .body("invalidParams.name", hasItem("outcome"))
                .body("invalidParams.name", hasItem("decidingBody"))
                .body("invalidParams.name", hasItem("decidedOn"))
                .body("invalidParams.name", hasItem("rationale"));
        String oneOption = decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-01")
                .replace("[\"one process\", \"own processes\"]", "[\"only one\"]");
        String twice = decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-01")
                .replace("[\"one process\", \"own processes\"]", "[\"same\", \"same\"]");
        String blank = decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-01")
                .replace("[\"one process\", \"own processes\"]", "[\"one\", null, \" \"]");
        for (String body : List.of(oneOption, twice, blank)) {
            given().auth().oauth2(manager()).contentType("application/json").body(body)
                    .when().post(DECISIONS).then().statusCode(400).body("invalidParams.name", everyItem(equalTo("options")));
        }
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "mostly-uniform", "steering-committee", null, "2026-01-01"))
                .when().post(DECISIONS).then().statusCode(400).body("invalidParams[0].name", equalTo("outcome"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "uniform", "mayor", null, "2026-01-01"))
                .when().post(DECISIONS).then().statusCode(400).body("invalidParams[0].name", equalTo("decidingBody"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-13-01"))
                .when().post(DECISIONS).then().statusCode(400).body("invalidParams[0].name", equalTo("decidedOn"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(UUID.randomUUID(), "uniform", "steering-committee", null, "2026-01-01"))
                .when().post(DECISIONS).then().statusCode(400).body("invalidParams[0].name", equalTo("projectId"));
        given().auth().oauth2(admin()).queryParam("projectId", projectId.toString()).when().get(DECISIONS)
                .then().body("items", hasSize(0));
    }

    @Test
    void onlyAdminsAndProgrammeManagersDecide() {
        municipality("GM2002", "Besluit Twee");
        UUID projectId = project("WOZ");
        String body = decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-01");
        for (String token : List.of(reader(Roles.SECRETARY), reader(Roles.INTEGRATOR), TestTokens.coordinator("c", "GM2002"))) {
            given().auth().oauth2(token).contentType("application/json").body(body)
                    .when().post(DECISIONS).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").body(body).when().post(DECISIONS).then().statusCode(401);
        String id = decision(projectId, "uniform", "2026-01-01");
        given().auth().oauth2(TestTokens.coordinator("c", "GM2002")).contentType("application/json")
                .header("If-Match", etag(DECISIONS + "/" + id)).body(body)
                .when().put(DECISIONS + "/" + id).then().statusCode(403);
        given().contentType("application/json").header("If-Match", etag(DECISIONS + "/" + id)).body(body)
                .when().put(DECISIONS + "/" + id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(admin()).queryParam("projectId", projectId.toString()).when().get(DECISIONS)
                .then().body("items", hasSize(1));
    }

    @Test
    void listPagesByDateAndFilters() {
        UUID projectId = project("NHR");
        String late = decision(projectId, "variants-allowed", "2026-09-01");
        String early = decision(projectId, "uniform", "2026-02-01");
        String middle = decision(projectId, "uniform", "2026-04-01");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString()).queryParam("limit", 2)
                .when().get(DECISIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(early, middle))).body("nextCursor", notNullValue());
        String cursor = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString())
                .queryParam("limit", 2).when().get(DECISIONS).then().extract().path("nextCursor");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString()).queryParam("limit", 2)
                .queryParam("cursor", cursor).when().get(DECISIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(late))).body("nextCursor", nullValue());
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString()).queryParam("outcome", "uniform")
                .when().get(DECISIONS).then().body("items.id", equalTo(List.of(early, middle)));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projectId.toString())
                .queryParam("decidingBody", "steering-committee").queryParam("outcome", "variants-allowed")
                .when().get(DECISIONS).then().body("items.id", equalTo(List.of(late)));
        for (var param : List.of(List.of("outcome", "maybe"), List.of("decidingBody", "mayor"), List.of("projectId", "x"),
                List.of("limit", "-1"), List.of("cursor", "WyIyMDI2LTAxLTAxIiwibm8tdXVpZCJd"))) {
            given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam(param.get(0), param.get(1)).when().get(DECISIONS)
                    .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo(param.get(0)));
        }
    }

    @Test
    void theDecisionInForceIsTheLatestByDateThenByRecording() {
        UUID projectId = project("INF");
        String later = decision(projectId, "variants-allowed", "2026-08-01");
        decision(projectId, "uniform", "2026-03-01");
        assertEquals(later, QuarkusTransaction.requiringNew().call(() -> Decision.inForce(projectId).id.toString()));
        String sameDayRecordedLater = decision(projectId, "uniform", "2026-08-01");
        assertEquals(sameDayRecordedLater, QuarkusTransaction.requiringNew().call(() -> Decision.inForce(projectId).id.toString()));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Decision.inForce(UUID.randomUUID())));
    }

    @Test
    void replaceNeedsIfMatchAndTheCurrentETag() {
        UUID projectId = project("WABO");
        String id = decision(projectId, "variants-allowed", "2026-02-01");
        String path = DECISIONS + "/" + id;
        String corrected = decisionBody(projectId, "variants-allowed", "secretaries-meeting", null, "2026-02-03");
        given().auth().oauth2(manager()).contentType("application/json").body(corrected)
                .when().put(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"").body(corrected)
                .when().put(path).then().statusCode(412).contentType("application/problem+json");
        String etag = etag(path);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(corrected)
                .when().put(DECISIONS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(corrected.replace("\"rationale\": \"Cheaper to run together.\"", "\"rationale\": \"\""))
                .when().put(path).then().statusCode(400).body("invalidParams[0].name", equalTo("rationale"));
        String newEtag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(corrected)
                .when().put(path).then().statusCode(200)
                .body("decidingBody", equalTo("secretaries-meeting")).body("decidedOn", equalTo("2026-02-03")).body("version", equalTo(1))
                .extract().header("ETag");
        assertEquals(etag(path), newEtag);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-02-03"))
                .when().put(path).then().statusCode(412);
    }

    @Test
    void aUniformDecisionDoesNotSilentlyOverruleVariants() {
        municipality("GM2011", "Besluit Variant A");
        municipality("GM2012", "Besluit Variant B");
        municipality("GM2013", "Besluit Uniform");
        UUID projectId = project("UNI");
        List.of("GM2011", "GM2012", "GM2013").forEach(code -> participation(code, projectId, true));
        String allowed = decision(projectId, "variants-allowed", "2026-03-01");
        choice("GM2012", projectId, "variant", "Eigen loket B");
        choice("GM2011", projectId, "variant", "Eigen loket A");
        choice("GM2013", projectId, "uniform", null);

        String path = DECISIONS + "/" + allowed;
        String etag = etag(path);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-03-01"))
                .when().put(path)
                .then().statusCode(409).contentType("application/problem+json")
                .body("municipalitiesWithVariant", equalTo(List.of("GM2011", "GM2012")))
                .body("detail", containsString("GM2011, GM2012"));
        given().auth().oauth2(admin()).when().get(path).then().body("outcome", equalTo("variants-allowed")).body("version", equalTo(0));

        // A new uniform decision that would come in force is refused just the same; an older one is not in force.
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-04-01"))
                .when().post(DECISIONS)
                .then().statusCode(409).body("municipalitiesWithVariant", equalTo(List.of("GM2011", "GM2012")));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-01"))
                .when().post(DECISIONS)
                .then().statusCode(201);
        given().auth().oauth2(admin()).queryParam("projectId", projectId.toString()).when().get(DECISIONS)
                .then().body("items", hasSize(2));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        UUID projectId = project("IDEM");
        String body = decisionBody(projectId, "uniform", "steering-committee", null, "2026-01-05");
        String id = given().auth().oauth2(manager()).header("Idempotency-Key", "decision-idem").contentType("application/json")
                .body(body).when().post(DECISIONS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(manager()).header("Idempotency-Key", "decision-idem").contentType("application/json")
                .body(body).when().post(DECISIONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().auth().oauth2(manager()).header("Idempotency-Key", "decision-idem").contentType("application/json")
                .body(body.replace("2026-01-05", "2026-01-06")).when().post(DECISIONS).then().statusCode(422);
        given().auth().oauth2(admin()).queryParam("projectId", projectId.toString()).when().get(DECISIONS)
                .then().body("items", hasSize(1));

        municipality("GM2031", "Besluit Idem A");
        municipality("GM2032", "Besluit Idem B");
        given().auth().oauth2(manager()).header("Idempotency-Key", "decision-idem-council").contentType("application/json")
                .body(decisionBody(projectId, "variants-allowed", "council", "GM2031", "2026-01-07"))
                .when().post(DECISIONS).then().statusCode(201);
        given().auth().oauth2(manager()).header("Idempotency-Key", "decision-idem-council").contentType("application/json")
                .body(decisionBody(projectId, "variants-allowed", "council", "GM2032", "2026-01-07"))
                .when().post(DECISIONS).then().statusCode(422);
    }

    @Test
    void decisionsArePublishedAsCloudEventsKeyedByProject() throws Exception {
        municipality("GM2020", "Besluit Event");
        UUID projectId = project("EVD");
        String id = given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, "variants-allowed", "municipal-executive", "GM2020", "2026-07-07"))
                .when().post(DECISIONS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag(DECISIONS + "/" + id))
                .body(decisionBody(projectId, "uniform", "municipal-executive", "GM2020", "2026-07-07"))
                .when().put(DECISIONS + "/" + id).then().statusCode(200);

        ConsumerRecord<String, String> recorded = BrokerRecords.awaitRecord(MunicipalityEvents.PROJECTS_TOPIC,
                r -> ("decisions/" + id).equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.DECISION_RECORDED.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals(projectId.toString(), recorded.key());
        assertEquals("urn:nld:metrokaart:systeem:municipality-service", BrokerRecords.header(recorded, "ce_source"));
        assertEquals("1.0", BrokerRecords.header(recorded, "ce_specversion"));
        JsonNode data = objectMapper.readTree(recorded.value());
        assertEquals(id, data.path("id").asText());
        assertEquals(projectId.toString(), data.path("projectId").asText());
        assertEquals("EVD", data.path("projectCode").asText());
        assertEquals("One process for all?", data.path("question").asText());
        assertEquals("variants-allowed", data.path("outcome").asText());
        assertEquals("municipal-executive", data.path("decidingBody").asText());
        assertEquals("GM2020", data.path("decidingMunicipalityCode").asText());
        assertEquals("2026-07-07", data.path("decidedOn").asText());
        assertEquals("Cheaper to run together.", data.path("rationale").asText());

        ConsumerRecord<String, String> changed = BrokerRecords.awaitRecord(MunicipalityEvents.PROJECTS_TOPIC,
                r -> ("decisions/" + id).equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.DECISION_CHANGED.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals("uniform", objectMapper.readTree(changed.value()).path("outcome").asText());
        assertTrue(changed.offset() > recorded.offset());
    }
}
