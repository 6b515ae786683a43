package nl.metrokaart.municipality.participation;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.etag;
import static nl.metrokaart.municipality.Fixtures.manager;
import static nl.metrokaart.municipality.Fixtures.municipality;
import static nl.metrokaart.municipality.Fixtures.participation;
import static nl.metrokaart.municipality.Fixtures.participationBody;
import static nl.metrokaart.municipality.Fixtures.project;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import nl.metrokaart.municipality.BrokerRecords;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.platform.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each test uses its own municipalities and projects: the database is shared by all tests of one run. */
@QuarkusTest
class ParticipationResourceTest {

    @Inject
    ParticipationChangedRecorder recorder;

    @Inject
    ObjectMapper objectMapper;

    private static String collection(String code) {
        return "/api/v1/municipalities/" + code + "/participations";
    }

    @Test
    void registerThenReadBackWithETag() {
        municipality("GM1001", "Deelname Een");
        UUID projectId = project("WION");
        given().auth().oauth2(manager()).contentType("application/json")
                .body(participationBody(projectId, true, " J. de Vries ", "preparing"))
                .when().post(collection("GM1001"))
                .then().statusCode(201)
                .header("Location", containsString(collection("GM1001") + "/" + projectId))
                .header("API-Version", "1.0.0")
                .body("id", notNullValue())
                .body("municipalityCode", equalTo("GM1001"))
                .body("projectId", equalTo(projectId.toString()))
                .body("projectCode", equalTo("WION"))
                .body("participates", equalTo(true))
                .body("localLead", equalTo("J. de Vries"))
                .body("implementationStatus", equalTo("preparing"))
                .body("plannedGoLiveDate", equalTo("2027-03-01"))
                .body("version", equalTo(0));

        String path = collection("GM1001") + "/" + projectId;
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).when().get(path)
                    .then().statusCode(200).body("projectCode", equalTo("WION")).header("ETag", notNullValue());
        }
        String etag = etag(path);
        given().auth().oauth2(reader(Roles.INTEGRATOR)).header("If-None-Match", etag).when().get(path).then().statusCode(304);
        given().when().get(path).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void listPagesByCursorAndFiltersByProject() {
        municipality("GM1002", "Deelname Twee");
        List<UUID> projects = List.of(project("L1"), project("L2"), project("L3"));
        projects.forEach(p -> participation("GM1002", p, true));

        List<String> first = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", 2)
                .when().get(collection("GM1002"))
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("items.projectId");
        String cursor = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", 2)
                .when().get(collection("GM1002")).then().extract().path("nextCursor");
        List<String> second = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(collection("GM1002"))
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .extract().path("items.projectId");
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        assertEquals(projects.stream().map(UUID::toString).sorted().toList(), all);

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("projectId", projects.get(1).toString())
                .when().get(collection("GM1002"))
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].projectCode", equalTo("L2"));
    }

    @Test
    void badListParametersAre400AndAnUnknownMunicipality404() {
        municipality("GM1003", "Deelname Drie");
        for (var param : List.of(List.of("limit", "0"), List.of("limit", "abc"), List.of("limit", "101"),
                List.of("projectId", "not-a-uuid"), List.of("cursor", "%%%"), List.of("cursor", "WyJ4Il0"))) {
            given().auth().oauth2(admin()).queryParam(param.get(0), param.get(1))
                    .when().get(collection("GM1003"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("invalidParams.name", hasItem(param.get(0)));
        }
        given().auth().oauth2(admin()).when().get(collection("GM1999"))
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("GM1999"));
        given().auth().oauth2(admin()).when().get(collection("GM1003") + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidBodiesAre400WithInvalidParamsAndCreateNothing() {
        municipality("GM1004", "Deelname Vier");
        UUID projectId = project("V4");
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
                .when().post(collection("GM1004"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("projectId"))
                .body("invalidParams.name", hasItem("participates"))
                .body("invalidParams.name", hasItem("implementationStatus"));
        given().auth().oauth2(admin()).contentType("application/json")
                .body(participationBody(projectId, true, "X", "done"))
                .when().post(collection("GM1004"))
                .then().statusCode(400).body("invalidParams[0].name", equalTo("implementationStatus"))
                .body("invalidParams[0].reason", containsString("not-started"));
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(admin()).contentType("application/json")
                .body(participationBody(unknown, true, "X", "live"))
                .when().post(collection("GM1004"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("projectId"))
                .body("detail", containsString(unknown.toString()));
        given().auth().oauth2(admin()).contentType("application/json")
                .body(participationBody(projectId, true, "X", "live"))
                .when().post(collection("GM1999"))
                .then().statusCode(404);
        given().auth().oauth2(admin()).when().get(collection("GM1004")).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aSecondRegistrationForTheSameProjectIs409AndChangesNothing() {
        municipality("GM1005", "Deelname Vijf");
        UUID projectId = project("D5");
        participation("GM1005", projectId, true);
        given().auth().oauth2(admin()).contentType("application/json")
                .body(participationBody(projectId, false, "Other", "live"))
                .when().post(collection("GM1005"))
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        given().auth().oauth2(admin()).when().get(collection("GM1005") + "/" + projectId)
                .then().statusCode(200).body("participates", equalTo(true)).body("localLead", equalTo("J. de Vries"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRegistersOnce() {
        municipality("GM1006", "Deelname Zes");
        UUID projectId = project("I6");
        String body = participationBody(projectId, true, "A", "not-started");
        String id = given().auth().oauth2(admin()).header("Idempotency-Key", "participation-gm1006").contentType("application/json")
                .body(body).when().post(collection("GM1006"))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).header("Idempotency-Key", "participation-gm1006").contentType("application/json")
                .body(body).when().post(collection("GM1006"))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .header("Location", containsString(projectId.toString()));
        given().auth().oauth2(admin()).header("Idempotency-Key", "participation-gm1006").contentType("application/json")
                .body(participationBody(projectId, false, "A", "not-started")).when().post(collection("GM1006"))
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(collection("GM1006")).then().body("items", hasSize(1));
    }

    @Test
    void anIdempotencyKeyAnswersForOneMunicipalitysCollectionOnly() {
        municipality("GM1016", "Deelname Zestien");
        municipality("GM1017", "Deelname Zeventien");
        UUID projectId = project("I16");
        String body = participationBody(projectId, true, "A", "not-started");
        given().auth().oauth2(admin()).header("Idempotency-Key", "participation-i16").contentType("application/json")
                .body(body).when().post(collection("GM1016")).then().statusCode(201);
        // The same key and body for another municipality is another request, not a retry: refused, nothing registered.
        given().auth().oauth2(admin()).header("Idempotency-Key", "participation-i16").contentType("application/json")
                .body(body).when().post(collection("GM1017"))
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(collection("GM1017")).then().body("items", hasSize(0));
    }

    @Test
    void replaceNeedsIfMatchAndTheCurrentETag() {
        municipality("GM1007", "Deelname Zeven");
        UUID projectId = project("R7");
        participation("GM1007", projectId, true);
        String path = collection("GM1007") + "/" + projectId;
        String changed = participationBody(projectId, true, "K. Jansen", "implementing");
        given().auth().oauth2(admin()).contentType("application/json").body(changed)
                .when().put(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"stale\"").body(changed)
                .when().put(path).then().statusCode(412).contentType("application/problem+json");
        String etag = etag(path);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag)
                .body(participationBody(UUID.randomUUID(), true, "K. Jansen", "implementing"))
                .when().put(path).then().statusCode(400).body("invalidParams[0].name", equalTo("projectId"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(collection("GM1007") + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(reader(Roles.SECRETARY)).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(path).then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(path).then().statusCode(401).contentType("application/problem+json");
        String newEtag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(path).then().statusCode(200)
                .body("localLead", equalTo("K. Jansen")).body("implementationStatus", equalTo("implementing"))
                .body("version", equalTo(1))
                .extract().header("ETag");
        assertEquals(etag(path), newEtag);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag)
                .body(participationBody(projectId, false, "K. Jansen", "implementing"))
                .when().put(path).then().statusCode(412);
        given().auth().oauth2(admin()).when().get(path).then().body("participates", equalTo(true)).body("version", equalTo(1));
    }

    @Test
    void onlyWritersRegister() {
        municipality("GM1008", "Deelname Acht");
        UUID projectId = project("W8");
        for (String role : List.of(Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).contentType("application/json")
                    .body(participationBody(projectId, true, "X", "live"))
                    .when().post(collection("GM1008"))
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").body(participationBody(projectId, true, "X", "live"))
                .when().post(collection("GM1008")).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(collection("GM1008")).then().body("items", hasSize(0));
    }

    @Test
    void participantsOfListsTheParticipatingMunicipalitiesSorted() {
        UUID projectId = project("P9");
        municipality("GM1093", "Deelname C");
        municipality("GM1091", "Deelname A");
        municipality("GM1092", "Deelname B");
        participation("GM1093", projectId, true);
        participation("GM1091", projectId, true);
        participation("GM1092", projectId, false);
        assertEquals(List.of("GM1091", "GM1093"),
                QuarkusTransaction.requiringNew().call(() -> Participation.participantsOf(projectId)));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> Participation.participantsOf(UUID.randomUUID())));
    }

    @Test
    void everyRegistrationAndChangeIsToldToObserversInsideItsTransaction() {
        municipality("GM1010", "Deelname Tien");
        UUID projectId = project("O10");
        participation("GM1010", projectId, true);
        String path = collection("GM1010") + "/" + projectId;
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(path))
                .body(participationBody(projectId, false, "J. de Vries", "preparing"))
                .when().put(path).then().statusCode(200);
        // A refused change is not told.
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"stale\"")
                .body(participationBody(projectId, true, "J. de Vries", "preparing"))
                .when().put(path).then().statusCode(412);
        List<ParticipationChangedRecorder.Observed> observed = recorder.of("GM1010");
        assertEquals(2, observed.size(), observed.toString());
        observed.forEach(o -> {
            assertEquals(new ParticipationChanged("GM1010", projectId), o.event());
            assertTrue(o.inTransaction());
        });
    }

    @Test
    void registrationsAndChangesArePublishedAsCloudEvents() throws Exception {
        municipality("GM1011", "Deelname Elf");
        UUID projectId = project("E11");
        participation("GM1011", projectId, true);
        String path = collection("GM1011") + "/" + projectId;
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(path))
                .body(participationBody(projectId, true, "J. de Vries", "live"))
                .when().put(path).then().statusCode(200);

        String subject = "municipalities/GM1011/participations/" + projectId;
        ConsumerRecord<String, String> registered = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> subject.equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.PARTICIPATION_REGISTERED.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals("GM1011", registered.key());
        assertEquals("1.0", BrokerRecords.header(registered, "ce_specversion"));
        assertEquals("urn:nld:metrokaart:systeem:municipality-service", BrokerRecords.header(registered, "ce_source"));
        assertTrue(BrokerRecords.header(registered, "ce_id") != null && BrokerRecords.header(registered, "ce_time") != null);
        assertTrue(BrokerRecords.header(registered, "content-type").startsWith("application/json"));
        JsonNode data = objectMapper.readTree(registered.value());
        assertEquals("GM1011", data.path("municipalityCode").asText());
        assertEquals(projectId.toString(), data.path("projectId").asText());
        assertEquals("E11", data.path("projectCode").asText());
        assertTrue(data.path("participates").asBoolean());
        assertEquals("J. de Vries", data.path("localLead").asText());
        assertEquals("preparing", data.path("implementationStatus").asText());
        assertEquals("2027-03-01", data.path("plannedGoLiveDate").asText());

        ConsumerRecord<String, String> changed = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> subject.equals(BrokerRecords.header(r, "ce_subject"))
                        && MunicipalityEvents.PARTICIPATION_CHANGED.equals(BrokerRecords.header(r, "ce_type")));
        assertEquals("live", objectMapper.readTree(changed.value()).path("implementationStatus").asText());
        assertTrue(changed.offset() > registered.offset() || changed.partition() != registered.partition());
    }
}
