package nl.metrokaart.newsletter.meeting;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.platform.testing.KafkaTestClient.header;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.platform.paging.Cursors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeetingResourceTest {

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private static String reader(String role) {
        return TestTokens.withRoles("reader-" + role, role);
    }

    private static String body(String title, String startsAt, String endsAt, String audience) {
        return """
                {"title": "%s", "startsAt": "%s", "endsAt": "%s",
                 "location": "Town hall Schoonhoven", "audience": "%s",
                 "agendaItems": [{"title": "Opening"}, {"title": "Progress of WION", "projectCode": "WION"}]}
                """.formatted(title, startsAt, endsAt, audience);
    }

    private static String create(String title, String startsAt, String endsAt) {
        String location = given().auth().oauth2(manager()).contentType("application/json")
                .body(body(title, startsAt, endsAt, "all-staff"))
                .when().post("/api/v1/meetings")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void createThenReadBack() {
        String location = given().auth().oauth2(manager()).contentType("application/json")
                .body(body("Steering committee Q2", "2009-04-14T14:00:00+02:00", "2009-04-14T16:30:00+02:00",
                        "steering-committee"))
                .when().post("/api/v1/meetings")
                .then().statusCode(201)
                .header("API-Version", "1.0.0")
                .header("Location", containsString("/api/v1/meetings/"))
                .body("audience", equalTo("steering-committee"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(reader(Roles.SECRETARY))
                .when().get("/api/v1/meetings/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("title", equalTo("Steering committee Q2"))
                // The offset is kept as the instant it denotes, answered in UTC.
                .body("startsAt", equalTo("2009-04-14T12:00:00Z"))
                .body("endsAt", equalTo("2009-04-14T14:30:00Z"))
                .body("location", equalTo("Town hall Schoonhoven"))
                .body("audience", equalTo("steering-committee"))
                .body("agendaItems", hasSize(2))
                .body("agendaItems[0].title", equalTo("Opening"))
                .body("agendaItems[0].projectCode", nullValue())
                .body("agendaItems[1].projectCode", equalTo("WION"))
                .body("version", equalTo(0));
    }

    @Test
    void listIsOrderedByStart() {
        String late = create("Late", "2031-06-01T10:00:00Z", "2031-06-01T11:00:00Z");
        String early = create("Early", "2031-05-01T10:00:00+02:00", "2031-05-01T11:00:00+02:00");
        // Same day as "late" by the clock in Amsterdam, but earlier in absolute time.
        String middle = create("Middle", "2031-06-01T09:00:00+02:00", "2031-06-01T09:30:00+02:00");
        List<String> ids = given().auth().oauth2(reader(Roles.INTEGRATOR))
                .when().get("/api/v1/meetings?limit=100")
                .then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(early, middle, late), ids.stream().filter(List.of(early, middle, late)::contains).toList());
    }

    @Test
    void aRetriedPlanWithTheSameKeyPlansOnceAndIsAnnouncedOnce() {
        String key = UUID.randomUUID().toString();
        String title = "Retried " + key;
        // A start of its own (within the dates the API accepts, up to 2199-12-31), so the list from just before it
        // shows whether the meeting was planned twice.
        Instant startsAt = Instant.parse("2100-01-01T10:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(36_000)));
        String request = body(title, startsAt.toString(), startsAt.plus(Duration.ofHours(2)).toString(), "secretaries");
        String id = given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key)
                .body(request).when().post("/api/v1/meetings")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key)
                .body(request).when().post("/api/v1/meetings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .header("Location", containsString(id));
        given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key)
                .body(request.replace("secretaries", "all-staff")).when().post("/api/v1/meetings")
                .then().statusCode(422).contentType("application/problem+json");
        String justBefore = Cursors.encode(startsAt.minusSeconds(1) + "|" + new UUID(0, 0));
        List<String> titles = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("cursor", justBefore)
                .queryParam("limit", 10).when().get("/api/v1/meetings")
                .then().statusCode(200).extract().path("items.title");
        assertEquals(1, titles.stream().filter(title::equals).count(), "planned once");

        // meeting-scheduled reaches the communications topic once, as a CloudEvent keyed by the meeting id.
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            List<ConsumerRecord<String, String>> mine = kafka.readUntil(CommunicationEvents.TOPIC,
                            records -> records.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(15))
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertEquals(1, mine.size());
            ConsumerRecord<String, String> event = mine.get(0);
            assertEquals(CommunicationEvents.MEETING_SCHEDULED, header(event, "ce_type"));
            assertEquals("meetings/" + id, header(event, "ce_subject"));
            assertEquals("1.0", header(event, "ce_specversion"));
            JsonPath data = JsonPath.from(event.value());
            assertEquals(title, data.getString("title"));
            assertEquals("secretaries", data.getString("audience"));
            assertEquals(startsAt.toString(), data.getString("startsAt"));
        }
    }

    @Test
    void anonymousReadsAre401() {
        String id = create("Closed doors", "2032-04-01T10:00:00Z", "2032-04-01T11:00:00Z");
        given().when().get("/api/v1/meetings/" + id).then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/meetings").then().statusCode(401);
        given().accept("text/calendar").when().get("/api/v1/meetings/" + id).then().statusCode(401);
    }

    @Test
    void unknownMeetingIs404() {
        given().header("Accept-Language", "en").auth().oauth2(reader(Roles.SECRETARY))
                .when().get("/api/v1/meetings/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("does not exist"));
    }

    @Test
    void endsAtNotAfterStartsAtIs400NamingEndsAt() {
        for (String endsAt : List.of("2009-04-14T13:00:00+02:00", "2009-04-14T12:00:00Z")) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body(body("Backwards", "2009-04-14T14:00:00+02:00", endsAt, "all-staff"))
                    .when().post("/api/v1/meetings")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams", hasSize(1))
                    .body("invalidParams.name", hasItem("endsAt"));
        }
    }

    @Test
    void dateTimeWithoutOffsetIs400NamingTheField() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body(body("No zone", "2009-04-14T14:00:00", "2009-04-14T16:00:00+02:00", "all-staff"))
                .when().post("/api/v1/meetings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("startsAt"));
    }

    @Test
    void unknownAudienceIs400NamingAudience() {
        for (String audience : List.of("everyone", "ALL_STAFF")) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body(body("Who?", "2009-04-14T14:00:00+02:00", "2009-04-14T16:00:00+02:00", audience))
                    .when().post("/api/v1/meetings")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("invalidParams.name", hasItem("audience"))
                    .body("invalidParams[0].reason", containsString("steering-committee"));
        }
    }

    @Test
    void missingFieldsAre400WithInvalidParams() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"startsAt\": \"2009-04-14T14:00:00+02:00\", \"endsAt\": \"2009-04-14T16:00:00+02:00\","
                        + " \"agendaItems\": [{\"title\": \"\", \"projectCode\": \"not a code\"}]}")
                .when().post("/api/v1/meetings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("title"))
                .body("invalidParams.name", hasItem("location"))
                .body("invalidParams.name", hasItem("audience"))
                .body("invalidParams.name", hasItem("projectCode"))
                .body("invalidParams.name", not(hasItem("endsAt")));
    }

    @Test
    void onlyAdminsAndManagersCreate() {
        String valid = body("Not mine to plan", "2009-04-14T14:00:00+02:00", "2009-04-14T16:00:00+02:00", "secretaries");
        for (String role : List.of(Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).contentType("application/json").body(valid)
                    .when().post("/api/v1/meetings")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json").body(valid)
                .when().post("/api/v1/meetings").then().statusCode(401);
        given().auth().oauth2(reader(Roles.ADMIN)).when().get("/api/v1/meetings")
                .then().statusCode(200).body("items.title", not(hasItem("Not mine to plan")));

        given().auth().oauth2(reader(Roles.ADMIN)).contentType("application/json").body(valid)
                .when().post("/api/v1/meetings")
                .then().statusCode(201).body("audience", equalTo("secretaries"));
    }
}
