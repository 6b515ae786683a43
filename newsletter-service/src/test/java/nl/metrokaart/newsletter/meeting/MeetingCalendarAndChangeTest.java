package nl.metrokaart.newsletter.meeting;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.platform.testing.KafkaTestClient.header;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.DtEnd;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.platform.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A meeting as iCalendar (read back with ical4j's parser), changed with If-Match, and the list paged. */
@QuarkusTest
class MeetingCalendarAndChangeTest {

    static final String PATH = "/api/v1/meetings";

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private static String body(String title, String startsAt, String endsAt) {
        return """
                {"title": "%s", "startsAt": "%s", "endsAt": "%s",
                 "location": "Town hall Schoonhoven, council chamber", "audience": "secretaries",
                 "agendaItems": [{"title": "Opening"}, {"title": "Progress of WION", "projectCode": "WION"},
                                 {"title": "Case handling", "projectCode": "ZK-1"}]}
                """.formatted(title, startsAt, endsAt);
    }

    private static String create(String title, String startsAt, String endsAt) {
        return given().auth().oauth2(manager()).contentType("application/json").body(body(title, startsAt, endsAt))
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void acceptTextCalendarGivesAnICalendarEventThatParsesBack() throws Exception {
        String id = create("Secretaries, autumn", "2031-10-14T14:00:00+02:00", "2031-10-14T16:30:00+02:00");
        String ics = given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY)).accept("text/calendar")
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertTrue(calendar.getProperty(Property.PRODID).orElseThrow().getValue().contains("Metrokaart"));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events, hasSize(1));
        VEvent event = events.get(0);
        assertEquals(id + "@metrokaart", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("Secretaries, autumn", event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("Town hall Schoonhoven, council chamber", event.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertTrue(event.getProperty(Property.DTSTAMP).isPresent());
        // RFC 5546 requires the organizer on a published event.
        assertEquals("mailto:programmabureau@metrokaart.example.nl", event.getProperty(Property.ORGANIZER).orElseThrow().getValue());
        // In UTC: 14:00 in Amsterdam summer time is 12:00Z.
        assertEquals("20311014T120000Z", event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20311014T143000Z", event.<DtEnd<?>>getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals(Instant.parse("2031-10-14T12:00:00Z"),
                Instant.from(event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getDate()));
        String description = event.getProperty(Property.DESCRIPTION).orElseThrow().getValue();
        // Dutch by default; an item about a project names it (by name once this service knows it, else by code).
        assertTrue(description.replace("\\n", "\n").contains("Agenda:\n1. Opening\n2. Progress of WION\n3. Case handling (ZK-1"),
                description);
        assertTrue(description.contains("Voor: de gemeentesecretarissen"), description);
        String english = given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY)).accept("text/calendar")
                .header("Accept-Language", "en").when().get(PATH + "/" + id)
                .then().statusCode(200).header("Content-Language", "en").extract().asString();
        assertTrue(new CalendarBuilder().build(new StringReader(english)).<VEvent>getComponent("VEVENT").orElseThrow()
                .getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("For: the municipal secretaries"), english);

        // JSON stays the default.
        given().auth().oauth2(manager()).when().get(PATH + "/" + id)
                .then().statusCode(200).contentType("application/json").body("id", equalTo(id));
        given().auth().oauth2(manager()).accept("text/calendar").when().get(PATH + "/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(manager()).accept("application/pdf").when().get(PATH + "/" + id)
                .then().statusCode(406);
    }

    @Test
    void aMeetingIsChangedWithIfMatch() throws Exception {
        String id = create("To move", "2031-11-01T10:00:00Z", "2031-11-01T11:00:00Z");
        String etag = given().auth().oauth2(manager()).when().get(PATH + "/" + id).then().statusCode(200)
                .extract().header("ETag");
        String moved = body("Moved", "2031-11-02T10:00:00Z", "2031-11-02T12:00:00Z");

        given().auth().oauth2(manager()).contentType("application/json").body(moved)
                .when().put(PATH + "/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", "\"stale\"").contentType("application/json").body(moved)
                .when().put(PATH + "/" + id).then().statusCode(412).header("ETag", equalTo(etag));
        given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json")
                .body(body("Backwards", "2031-11-02T10:00:00Z", "2031-11-02T09:00:00Z"))
                .when().put(PATH + "/" + id).then().statusCode(400).body("invalidParams.name", hasItem("endsAt"));
        for (String role : List.of(Roles.SECRETARY, Roles.INTEGRATOR, Roles.MUNICIPALITY_COORDINATOR)) {
            given().auth().oauth2(TestTokens.withRoles("r", role)).header("If-Match", etag).contentType("application/json")
                    .body(moved).when().put(PATH + "/" + id).then().statusCode(403);
        }
        given().header("If-Match", etag).contentType("application/json").body(moved)
                .when().put(PATH + "/" + id).then().statusCode(401);
        given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json").body(moved)
                .when().put(PATH + "/" + UUID.randomUUID()).then().statusCode(404);

        String changed = given().auth().oauth2(TestTokens.withRoles("root", Roles.ADMIN)).header("If-Match", etag)
                .contentType("application/json").body(moved)
                .when().put(PATH + "/" + id).then().statusCode(200)
                .body("title", equalTo("Moved"))
                .body("startsAt", equalTo("2031-11-02T10:00:00Z"))
                .body("agendaItems", hasSize(3))
                .body("version", is(1))
                .header("ETag", notNullValue())
                .extract().header("ETag");
        given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json").body(moved)
                .when().put(PATH + "/" + id).then().statusCode(412);
        // The change answered the ETag a read gives now: the next change can follow without reading again.
        given().auth().oauth2(manager()).when().get(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo(changed));
        given().auth().oauth2(manager()).header("If-None-Match", changed).when().get(PATH + "/" + id).then().statusCode(304);
        given().auth().oauth2(manager()).header("If-Match", changed).contentType("application/json")
                .body(moved.replace("Moved", "Moved again"))
                .when().put(PATH + "/" + id).then().statusCode(200).body("version", is(2));

        String ics = given().auth().oauth2(manager()).accept("text/calendar").when().get(PATH + "/" + id)
                .then().statusCode(200).extract().asString();
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertEquals("2", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("Moved again", event.getProperty(Property.SUMMARY).orElseThrow().getValue());

        // Each change is announced as meeting-changed, after the meeting-scheduled of its planning; refused ones are not.
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            List<ConsumerRecord<String, String>> mine = kafka.readUntil(CommunicationEvents.TOPIC,
                            records -> records.stream().filter(r -> id.equals(r.key())).count() >= 3, Duration.ofSeconds(15))
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertEquals(List.of(CommunicationEvents.MEETING_SCHEDULED, CommunicationEvents.MEETING_CHANGED,
                    CommunicationEvents.MEETING_CHANGED), mine.stream().map(r -> header(r, "ce_type")).toList());
            assertEquals(List.of(0, 1, 2), mine.stream().map(r -> JsonPath.from(r.value()).getInt("version")).toList());
            assertEquals("Moved again", JsonPath.from(mine.get(2).value()).getString("title"));
        }
    }

    @Test
    void aCancelledMeetingStaysReadableAsCancelledAndNoLongerChanges() throws Exception {
        String id = create("To cancel", "2031-12-01T10:00:00Z", "2031-12-01T11:00:00Z");
        String path = PATH + "/" + id + "/cancellation";
        String etag = given().auth().oauth2(manager()).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("scheduled")).body("cancelledAt", nullValue()).extract().header("ETag");
        String reason = "{\"reason\": \"Postponed until the budget is approved.\"}";

        given().auth().oauth2(manager()).contentType("application/json").body(reason)
                .when().post(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", "\"stale\"").contentType("application/json").body(reason)
                .when().post(path).then().statusCode(412).header("ETag", equalTo(etag));
        given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json").body("{\"reason\": \" \"}")
                .when().post(path).then().statusCode(400).body("invalidParams.name", hasItem("reason"));
        given().auth().oauth2(TestTokens.withRoles("r", Roles.SECRETARY)).header("If-Match", etag)
                .contentType("application/json").body(reason).when().post(path).then().statusCode(403);
        given().header("If-Match", etag).contentType("application/json").body(reason).when().post(path).then().statusCode(401);
        given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json").body(reason)
                .when().post(PATH + "/" + UUID.randomUUID() + "/cancellation").then().statusCode(404);
        given().auth().oauth2(manager()).when().get(PATH + "/" + id).then().header("ETag", equalTo(etag));

        String cancelled = given().auth().oauth2(manager()).header("If-Match", etag).contentType("application/json").body(reason)
                .when().post(path).then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancellationReason", equalTo("Postponed until the budget is approved."))
                .body("cancelledAt", notNullValue())
                .body("version", is(1))
                .extract().header("ETag");
        given().auth().oauth2(manager()).when().get(PATH + "/" + id).then().header("ETag", equalTo(cancelled));
        given().auth().oauth2(manager()).header("If-Match", cancelled).contentType("application/json").body(reason)
                .when().post(path).then().statusCode(409).contentType("application/problem+json");
        given().header("Accept-Language", "en").auth().oauth2(manager()).header("If-Match", cancelled).contentType("application/json")
                .body(body("Moved anyway", "2031-12-02T10:00:00Z", "2031-12-02T11:00:00Z"))
                .when().put(PATH + "/" + id).then().statusCode(409).body("detail", containsString("cancelled"));

        String ics = given().auth().oauth2(manager()).accept("text/calendar").when().get(PATH + "/" + id)
                .then().statusCode(200).extract().asString();
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());

        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            List<ConsumerRecord<String, String>> mine = kafka.readUntil(CommunicationEvents.TOPIC,
                            records -> records.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(15))
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertEquals(List.of(CommunicationEvents.MEETING_SCHEDULED, CommunicationEvents.MEETING_CANCELLED),
                    mine.stream().map(r -> header(r, "ce_type")).toList());
            assertEquals("cancelled", JsonPath.from(mine.get(1).value()).getString("status"));
        }
    }

    @Test
    void theListIsPagedWithCursors() {
        String marker = "paging-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(marker, "2040-01-0" + (i + 1) + "T10:00:00Z", "2040-01-0" + (i + 1) + "T11:00:00Z"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(manager()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.when().get(PATH).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2)).extract();
            List<String> titles = page.path("items.title");
            List<String> pageIds = page.path("items.id");
            for (int i = 0; i < pageIds.size(); i++) {
                if (marker.equals(titles.get(i))) {
                    seen.add(pageIds.get(i));
                }
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(ids, seen);

        given().auth().oauth2(manager()).when().get(PATH + "?limit=0").then().statusCode(400)
                .body("invalidParams.name", hasItem("limit"));
        given().auth().oauth2(manager()).when().get(PATH + "?cursor=!!").then().statusCode(400)
                .body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(manager()).when().get(PATH + "?cursor=bm8tc2VwYXJhdG9y").then().statusCode(400)
                .body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(manager()).when().get(PATH + "?limit=101").then().statusCode(400)
                .body("invalidParams.name", hasItem("limit"));
        given().auth().oauth2(manager()).when().get(PATH + "?limit=100").then().statusCode(200)
                .body("items", notNullValue());
    }
}
