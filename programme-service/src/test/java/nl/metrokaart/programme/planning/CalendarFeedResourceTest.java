package nl.metrokaart.programme.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.PlanningFixtures;
import org.junit.jupiter.api.Test;

/** A private calendar address: read by a calendar client without a token, managed by its owner, revocable. */
@QuarkusTest
class CalendarFeedResourceTest {

    static final String PATH = "/api/v1/calendar-feeds";

    @Inject
    PlanningFixtures fixtures;

    private static String secretary(String user) {
        return TestTokens.withRoles(user, Roles.SECRETARY);
    }

    private static String body(UUID programmeId, String extra) {
        return "{\"programmeId\": \"" + programmeId + "\"" + extra + "}";
    }

    /** The path and query of an absolute address, to call it on the test server. */
    private static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void aCalendarClientReadsThePlanningByItsPrivateAddressUntilTheOwnerRevokesIt() throws Exception {
        UUID programmeId = fixtures.programme();
        UUID projectId = fixtures.project(programmeId, "CAL-1", LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(6));
        UUID milestoneId = fixtures.milestone(projectId, "Go-live loket", LocalDate.now().plusDays(30), null, true);
        fixtures.milestone(projectId, "Not key", LocalDate.now().plusDays(31), null, false);
        String owner = "secretary-" + UUID.randomUUID();

        var created = given().auth().oauth2(secretary(owner)).contentType("application/json")
                .body(body(programmeId, ", \"horizonDays\": 90, \"description\": \"Agenda secretaris\""))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("programmeId", equalTo(programmeId.toString()))
                .body("horizonDays", equalTo(90))
                .body("owner", equalTo(owner))
                .body("calendarUrl", containsString("/calendar?key="))
                .extract();
        String id = created.path("id");
        String calendarUrl = created.path("calendarUrl");
        assertEquals(created.header("Location") + "/calendar", calendarUrl.substring(0, calendarUrl.indexOf('?')));

        // No bearer token: the key in the address is the credential.
        String ics = given().when().get(local(calendarUrl))
                .then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(List.of(milestoneId + "@metrokaart"),
                events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).toList());
        assertEquals("CAL-1: Go-live loket", events.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue());

        // A wrong, missing or other feed's key tells nothing.
        String key = URI.create(calendarUrl).getRawQuery().substring("key=".length());
        for (String wrong : List.of(PATH + "/" + id + "/calendar?key=" + key.substring(1) + "A", PATH + "/" + id + "/calendar",
                PATH + "/" + UUID.randomUUID() + "/calendar?key=" + key)) {
            given().when().get(wrong).then().statusCode(404).contentType("application/problem+json");
        }

        // The owner sees the feed (never its key again), others do not; admins see all.
        given().auth().oauth2(secretary(owner)).when().get(PATH + "/" + id)
                .then().statusCode(200).body("description", equalTo("Agenda secretaris")).body("calendarUrl", nullValue())
                .header("ETag", notNullValue());
        given().auth().oauth2(secretary(owner)).when().get(PATH).then().statusCode(200).body("items.id", hasItem(id))
                .body("items.calendarUrl", not(hasItem(notNullValue())));
        String other = secretary("someone-else-" + UUID.randomUUID());
        given().auth().oauth2(other).when().get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(other).when().delete(PATH + "/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.withRoles("root", Roles.ADMIN)).queryParam("limit", 100).when().get(PATH + "/" + id)
                .then().statusCode(200).body("owner", equalTo(owner));

        // Revoked: the address stops working at once.
        given().auth().oauth2(secretary(owner)).when().delete(PATH + "/" + id).then().statusCode(204);
        given().when().get(local(calendarUrl)).then().statusCode(404);
        given().auth().oauth2(secretary(owner)).when().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void invalidRequestsAre400AndChangeNothing() {
        UUID programmeId = fixtures.programme();
        String owner = "invalid-" + UUID.randomUUID();
        given().auth().oauth2(secretary(owner)).contentType("application/json").body(body(UUID.randomUUID(), ""))
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("programmeId"));
        for (String horizon : List.of("0", "3651")) {
            given().auth().oauth2(secretary(owner)).contentType("application/json")
                    .body(body(programmeId, ", \"horizonDays\": " + horizon))
                    .when().post(PATH).then().statusCode(400).body("invalidParams.name", hasItem("horizonDays"));
        }
        given().auth().oauth2(secretary(owner)).contentType("application/json").body("{}")
                .when().post(PATH).then().statusCode(400).body("invalidParams.name", hasItem("programmeId"));
        given().auth().oauth2(secretary(owner)).when().get(PATH).then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(secretary(owner)).queryParam("cursor", "%%%").when().get(PATH)
                .then().statusCode(400).body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(secretary(owner)).when().get(PATH + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void managingFeedsNeedsATokenAndARetriedCreationCreatesOnce() {
        UUID programmeId = fixtures.programme();
        given().contentType("application/json").body(body(programmeId, "")).when().post(PATH).then().statusCode(401);
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().when().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(401);

        String owner = "retry-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(secretary(owner)).contentType("application/json").header("Idempotency-Key", key)
                .body(body(programmeId, "")).when().post(PATH).then().statusCode(201).body("horizonDays", equalTo(365))
                .extract().path("id");
        given().auth().oauth2(secretary(owner)).contentType("application/json").header("Idempotency-Key", key)
                .body(body(programmeId, "")).when().post(PATH).then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(secretary(owner)).when().get(PATH).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aRetriedCreationReplaysTheFeedWithoutItsKeyWhichIsStoredNowhere() {
        UUID programmeId = fixtures.programme();
        String owner = "replay-" + UUID.randomUUID();
        String idempotencyKey = UUID.randomUUID().toString();
        var first = given().auth().oauth2(secretary(owner)).contentType("application/json")
                .header("Idempotency-Key", idempotencyKey).body(body(programmeId, ""))
                .when().post(PATH).then().statusCode(201).body("calendarUrl", containsString("key=")).extract();
        String key = URI.create(first.<String>path("calendarUrl")).getRawQuery().substring("key=".length());

        given().auth().oauth2(secretary(owner)).contentType("application/json")
                .header("Idempotency-Key", idempotencyKey).body(body(programmeId, ""))
                .when().post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("calendarUrl", nullValue())
                .body("calendarUrlNote", containsString("shown once"));
        assertEquals(0L, fixtures.idempotencyRecordsContaining(key));
        assertEquals(1L, fixtures.idempotencyRecordsContaining(first.path("id")));
    }

    @Test
    void addressesComeFromThePublicBaseUrlNeverFromTheClientsHost() {
        UUID programmeId = fixtures.programme();
        var created = given().auth().oauth2(secretary("host-" + UUID.randomUUID())).contentType("application/json")
                .header("Host", "evil.example.org").header("X-Forwarded-Host", "evil.example.org")
                .header("X-Forwarded-Proto", "http")
                .body(body(programmeId, "")).when().post(PATH).then().statusCode(201).extract();
        // %test.metrokaart.public-base-url
        assertTrue(created.header("Location").startsWith("https://metrokaart.test" + PATH + "/"), created.header("Location"));
        assertTrue(created.<String>path("calendarUrl").startsWith("https://metrokaart.test" + PATH + "/"),
                created.<String>path("calendarUrl"));
    }

    @Test
    void theOwnerRotatesTheKeyAndAnExpiredKeyIsGone() {
        UUID programmeId = fixtures.programme();
        String owner = "rotate-" + UUID.randomUUID();
        var created = given().auth().oauth2(secretary(owner)).contentType("application/json").body(body(programmeId, ""))
                .when().post(PATH).then().statusCode(201).body("expiresAt", notNullValue()).extract();
        String id = created.path("id");
        String oldUrl = created.path("calendarUrl");
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        // The configured lifetime (90 days by default) from now.
        assertTrue(Math.abs(Duration.between(Instant.now().plus(Duration.ofDays(90)), expiresAt).toMinutes()) < 5, expiresAt::toString);
        given().when().get(local(oldUrl)).then().statusCode(200);

        // Nobody but the owner rotates it: not another user, not an admin (the new key goes to whoever asks).
        given().auth().oauth2(secretary("intruder-" + UUID.randomUUID())).when().post(PATH + "/" + id + "/key-rotation")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("root", Roles.ADMIN)).when().post(PATH + "/" + id + "/key-rotation")
                .then().statusCode(404);
        given().when().get(local(oldUrl)).then().statusCode(200);

        String newUrl = given().auth().oauth2(secretary(owner)).when().post(PATH + "/" + id + "/key-rotation")
                .then().statusCode(200).body("id", equalTo(id)).body("keyRotatedAt", notNullValue())
                .body("calendarUrl", startsWith("https://metrokaart.test" + PATH + "/" + id + "/calendar?key="))
                .extract().path("calendarUrl");
        given().when().get(local(oldUrl)).then().statusCode(404);
        given().when().get(local(newUrl)).then().statusCode(200).contentType(startsWith("text/calendar"));

        fixtures.expireCalendarFeed(UUID.fromString(id));
        given().header("Accept-Language", "en").when().get(local(newUrl)).then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("rotate"));
        // A wrong key still tells nothing, expired or not.
        given().when().get(PATH + "/" + id + "/calendar?key=wrong").then().statusCode(404);
    }
}
