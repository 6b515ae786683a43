package nl.metrokaart.municipality.variant;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.choice;
import static nl.metrokaart.municipality.Fixtures.choiceBody;
import static nl.metrokaart.municipality.Fixtures.decision;
import static nl.metrokaart.municipality.Fixtures.etag;
import static nl.metrokaart.municipality.Fixtures.manager;
import static nl.metrokaart.municipality.Fixtures.municipality;
import static nl.metrokaart.municipality.Fixtures.participation;
import static nl.metrokaart.municipality.Fixtures.project;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
class VariantChoiceResourceTest {

    @Inject
    ObjectMapper objectMapper;

    private static String collection(String code) {
        return "/api/v1/municipalities/" + code + "/variant-choices";
    }

    /** A municipality participating in a fresh project. */
    private static UUID participating(String code, String projectCode) {
        municipality(code, "Variant " + code);
        UUID projectId = project(projectCode);
        participation(code, projectId, true);
        return projectId;
    }

    @Test
    void makeThenReadBackWithTheDecisionInForce() {
        UUID projectId = participating("GM3001", "VC1");
        String allowed = decision(projectId, "variants-allowed", "2026-02-02");
        given().auth().oauth2(TestTokens.coordinator("c", "GM3001")).contentType("application/json")
                .body(choiceBody(projectId, "variant", " Eigen zaaksysteem "))
                .when().post(collection("GM3001"))
                .then().statusCode(201)
                .header("Location", containsString(collection("GM3001") + "/" + projectId))
                .body("municipalityCode", equalTo("GM3001"))
                .body("projectId", equalTo(projectId.toString()))
                .body("projectCode", equalTo("VC1"))
                .body("approach", equalTo("variant"))
                .body("variantName", equalTo("Eigen zaaksysteem"))
                .body("justification", equalTo("Fits our counter."))
                .body("decisionId", equalTo(allowed))
                .body("version", equalTo(0));
        String path = collection("GM3001") + "/" + projectId;
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).when().get(path).then().statusCode(200).body("approach", equalTo("variant"));
        }
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", etag(path)).when().get(path).then().statusCode(304);
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get(collection("GM3001") + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get(collection("GM3999")).then().statusCode(404);
        given().when().get(path).then().statusCode(401);
    }

    @Test
    void aVariantIsRefusedWhereTheDecisionInForceIsUniformCitingIt() {
        UUID projectId = participating("GM3002", "VC2");
        decision(projectId, "variants-allowed", "2026-01-10");
        String uniform = decision(projectId, "uniform", "2026-03-15");
        given().header("Accept-Language", "en").auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "variant", "Eigen"))
                .when().post(collection("GM3002"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("decision.id", equalTo(uniform))
                .body("decision.decidingBody", equalTo("steering-committee"))
                .body("decision.decidedOn", equalTo("2026-03-15"))
                .body("decision.href", equalTo("/api/v1/decisions/" + uniform))
                .body("detail", containsString("/api/v1/decisions/" + uniform))
                .body("detail", containsString("2026-03-15"))
                .body("detail", containsString("steering committee"));
        given().auth().oauth2(admin()).when().get(collection("GM3002")).then().body("items", hasSize(0));

        // Following the uniform way of working is what the decision asks; that is accepted.
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "uniform", null))
                .when().post(collection("GM3002"))
                .then().statusCode(201).body("decisionId", equalTo(uniform)).body("variantName", nullValue());
        String path = collection("GM3002") + "/" + projectId;
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(path))
                .body(choiceBody(projectId, "variant", "Toch eigen"))
                .when().put(path)
                .then().statusCode(409).body("decision.id", equalTo(uniform));
        given().auth().oauth2(admin()).when().get(path).then().body("approach", equalTo("uniform")).body("version", equalTo(0));
    }

    @Test
    void aChoiceNeedsParticipation() {
        municipality("GM3003", "Variant Drie");
        UUID notRegistered = project("VC3");
        UUID declined = project("VC3B");
        participation("GM3003", declined, false);
        for (UUID projectId : List.of(notRegistered, declined)) {
            given().header("Accept-Language", "en").auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "uniform", null))
                    .when().post(collection("GM3003"))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("does not participate"));
        }
        given().auth().oauth2(admin()).when().get(collection("GM3003")).then().body("items", hasSize(0));
    }

    @Test
    void invalidBodiesAre400WithInvalidParams() {
        UUID projectId = participating("GM3004", "VC4");
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
                .when().post(collection("GM3004"))
                .then().statusCode(400).body("invalidParams.name", hasItem("projectId")).body("invalidParams.name", hasItem("approach"));
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "variant", null))
                .when().post(collection("GM3004"))
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("variantName"));
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "uniform", "Named"))
                .when().post(collection("GM3004"))
                .then().statusCode(400).body("invalidParams[0].name", equalTo("variantName"));
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "partly", null))
                .when().post(collection("GM3004"))
                .then().statusCode(400).body("invalidParams[0].name", equalTo("approach"));
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(UUID.randomUUID(), "uniform", null))
                .when().post(collection("GM3004"))
                .then().statusCode(400).body("invalidParams[0].name", equalTo("projectId"));
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "uniform", null))
                .when().post(collection("GM3999"))
                .then().statusCode(404);
        given().auth().oauth2(admin()).when().get(collection("GM3004")).then().body("items", hasSize(0));
    }

    @Test
    void anIdempotencyKeyIsBoundToTheVariantName() {
        UUID projectId = participating("GM3011", "VC11");
        decision(projectId, "variants-allowed", "2026-02-02");
        given().auth().oauth2(admin()).header("Idempotency-Key", "choice-gm3011").contentType("application/json")
                .body(choiceBody(projectId, "variant", "Route A")).when().post(collection("GM3011")).then().statusCode(201);
        given().auth().oauth2(admin()).header("Idempotency-Key", "choice-gm3011").contentType("application/json")
                .body(choiceBody(projectId, "variant", "Route B")).when().post(collection("GM3011")).then().statusCode(422);
    }

    @Test
    void aSecondChoiceIs409AndAnIdempotencyKeyReplays() {
        UUID projectId = participating("GM3005", "VC5");
        String body = choiceBody(projectId, "uniform", null);
        String id = given().auth().oauth2(admin()).header("Idempotency-Key", "choice-gm3005").contentType("application/json")
                .body(body).when().post(collection("GM3005")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).header("Idempotency-Key", "choice-gm3005").contentType("application/json")
                .body(body).when().post(collection("GM3005"))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().auth().oauth2(admin()).header("Idempotency-Key", "choice-gm3005").contentType("application/json")
                .body(choiceBody(projectId, "variant", "Eigen")).when().post(collection("GM3005")).then().statusCode(422);
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, "variant", "Eigen"))
                .when().post(collection("GM3005")).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(collection("GM3005")).then().body("items", hasSize(1))
                .body("items[0].approach", equalTo("uniform"));
    }

    @Test
    void replaceNeedsIfMatchAndTheCurrentETag() {
        UUID projectId = participating("GM3006", "VC6");
        choice("GM3006", projectId, "uniform", null);
        String path = collection("GM3006") + "/" + projectId;
        String change = choiceBody(projectId, "variant", "Eigen werkwijze");
        given().auth().oauth2(admin()).contentType("application/json").body(change).when().put(path).then().statusCode(428);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"stale\"").body(change)
                .when().put(path).then().statusCode(412);
        String etag = etag(path);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag)
                .body(choiceBody(UUID.randomUUID(), "variant", "X")).when().put(path)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("projectId"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag).body(change)
                .when().put(collection("GM3006") + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.coordinator("c", "GM0610")).contentType("application/json").header("If-Match", etag)
                .body(change).when().put(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader(Roles.SECRETARY)).contentType("application/json").header("If-Match", etag)
                .body(change).when().put(path).then().statusCode(403);
        given().contentType("application/json").header("If-Match", etag)
                .body(change).when().put(path).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(change).when().post(collection("GM3006"))
                .then().statusCode(401).contentType("application/problem+json");
        String newEtag = given().auth().oauth2(TestTokens.coordinator("c", "GM3006")).contentType("application/json")
                .header("If-Match", etag).body(change).when().put(path)
                .then().statusCode(200).body("approach", equalTo("variant")).body("variantName", equalTo("Eigen werkwijze"))
                .body("version", equalTo(1)).extract().header("ETag");
        assertEquals(etag(path), newEtag);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag)
                .body(choiceBody(projectId, "uniform", null)).when().put(path).then().statusCode(412);
    }

    @Test
    void aCoordinatorChoosesOnlyForItsOwnMunicipality() {
        UUID projectId = participating("GM3007", "VC7");
        given().auth().oauth2(TestTokens.coordinator("c", "GM3008")).contentType("application/json")
                .body(choiceBody(projectId, "uniform", null)).when().post(collection("GM3007"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).contentType("application/json")
                .body(choiceBody(projectId, "uniform", null)).when().post(collection("GM3007"))
                .then().statusCode(403);
        given().auth().oauth2(admin()).when().get(collection("GM3007")).then().body("items", hasSize(0));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(choiceBody(projectId, "uniform", null)).when().post(collection("GM3007"))
                .then().statusCode(201);
    }

    @Test
    void listPagesAndFilters() {
        municipality("GM3009", "Variant Negen");
        List<UUID> projects = List.of(project("VL1"), project("VL2"), project("VL3"));
        projects.forEach(p -> {
            participation("GM3009", p, true);
            choice("GM3009", p, "uniform", null);
        });
        String cursor = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", 2).when().get(collection("GM3009"))
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", 2).queryParam("cursor", cursor).when().get(collection("GM3009"))
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("projectId", projects.get(2).toString()).when().get(collection("GM3009"))
                .then().statusCode(200).body("items.projectCode", equalTo(List.of("VL3")));
        given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("projectId", "nope").when().get(collection("GM3009"))
                .then().statusCode(400).body("invalidParams[0].name", equalTo("projectId"));
    }

    @Test
    void choicesArePublishedAsCloudEvents() throws Exception {
        UUID projectId = participating("GM3010", "VCE");
        String allowed = decision(projectId, "variants-allowed", "2026-02-02");
        choice("GM3010", projectId, "variant", "Eigen route");
        String path = collection("GM3010") + "/" + projectId;
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(path))
                .body(choiceBody(projectId, "uniform", null)).when().put(path).then().statusCode(200);

        String subject = "municipalities/GM3010/variant-choices/" + projectId;
        ConsumerRecord<String, String> made = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> subject.equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.VARIANT_CHOICE_MADE.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals("GM3010", made.key());
        assertEquals("urn:nld:metrokaart:systeem:municipality-service", BrokerRecords.header(made, "ce_source"));
        JsonNode data = objectMapper.readTree(made.value());
        assertEquals("GM3010", data.path("municipalityCode").asText());
        assertEquals(projectId.toString(), data.path("projectId").asText());
        assertEquals("VCE", data.path("projectCode").asText());
        assertEquals("variant", data.path("approach").asText());
        assertEquals("Eigen route", data.path("variantName").asText());
        assertEquals("Fits our counter.", data.path("justification").asText());
        assertEquals(allowed, data.path("decisionId").asText());
        ConsumerRecord<String, String> changed = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> subject.equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.VARIANT_CHOICE_CHANGED.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals("uniform", objectMapper.readTree(changed.value()).path("approach").asText());
    }
}
