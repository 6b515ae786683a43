package nl.metrokaart.newsletter.activity;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.newsletter.TestEvents.milestone;
import static nl.metrokaart.newsletter.TestEvents.project;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityResourceTest {

    private static String reader() {
        return TestTokens.withRoles("integrator", Roles.INTEGRATOR);
    }

    @Test
    void feedIsFilteredAndPagedInOrderOfReceipt() {
        UUID projectId = UUID.randomUUID();
        Instant t1 = Instant.parse("2027-03-01T10:00:00Z");
        Instant t2 = Instant.parse("2027-03-02T10:00:00Z");
        Instant t3 = Instant.parse("2027-03-03T10:00:00Z");
        List<Activity> recorded;
        try (TestEvents broker = new TestEvents()) {
            String created = broker.programme("project-created", projectId, project(projectId, "AF-1", "Feed", "proposed", 0), t1);
            String missed = broker.programme("milestone-missed", projectId,
                    milestone(UUID.randomUUID(), projectId, "Key", "2027-03-01", null, true, "missed", 1), t2);
            String participation = broker.municipality("metrokaart.municipality.municipalities", "GM0505", "participation-registered", """
                    {"municipalityCode":"GM0505","projectId":"%s","participates":false,"localLead":null,
                     "implementationStatus":"not-started","plannedGoLiveDate":null,"version":0}""".formatted(projectId), t3);
            recorded = TestEvents.awaitActivities(List.of(created, missed, participation));
        }
        String p = projectId.toString();
        given().auth().oauth2(reader()).queryParam("projectId", p).when().get("/api/v1/activities")
                .then().statusCode(200)
                .body("items.type", contains("project-created", "milestone-missed", "participation-registered"))
                .body("items[1].keyMilestone", equalTo(true))
                .body("items[1].data.title", equalTo("Key"))
                .body("items[1].eventType", equalTo("nl.metrokaart.programme.milestone-missed"))
                .body("items[2].municipalityCode", equalTo("GM0505"))
                .body("items[0].occurredAt", equalTo("2027-03-01T10:00:00Z"))
                .body("nextCursor", nullValue());
        given().auth().oauth2(reader()).queryParam("projectId", p).queryParam("type", "milestone-missed")
                .when().get("/api/v1/activities").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(reader()).queryParam("projectId", p).queryParam("municipalityCode", "GM0505")
                .when().get("/api/v1/activities").then().statusCode(200).body("items.type", contains("participation-registered"));
        given().auth().oauth2(reader()).queryParam("projectId", p)
                .queryParam("occurredFrom", "2027-03-02T11:00:00+01:00").queryParam("occurredUntil", "2027-03-02T10:00:00Z")
                .when().get("/api/v1/activities").then().statusCode(200).body("items.type", contains("milestone-missed"));

        String cursor = given().auth().oauth2(reader()).queryParam("projectId", p).queryParam("limit", 2)
                .when().get("/api/v1/activities").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(reader()).queryParam("projectId", p).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/activities").then().statusCode(200)
                .body("items.type", contains("participation-registered")).body("nextCursor", nullValue());

        given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY)).when().get("/api/v1/activities/" + recorded.get(1).id)
                .then().statusCode(200).body("id", equalTo(recorded.get(1).id.toString()))
                .header("Content-Language", "nl")
                .body("summary", equalTo("Kernmijlpaal ‘Key’ van AF-1 – Feed is niet gehaald (gepland op 1 maart 2027)."));
    }

    @Test
    void invalidFiltersAre400NamingTheParameter() {
        List<List<String>> cases = List.of(
                List.of("projectId", "not-a-uuid", "projectId"),
                List.of("municipalityCode", "0505", "municipalityCode"),
                List.of("type", "project-archived", "type"),
                List.of("occurredFrom", "2027-03-01", "occurredFrom"),
                List.of("occurredUntil", "yesterday", "occurredUntil"),
                List.of("cursor", "***", "cursor"));
        for (List<String> c : cases) {
            given().auth().oauth2(reader()).queryParam(c.get(0), c.get(1)).when().get("/api/v1/activities")
                    .then().statusCode(400).contentType("application/problem+json").body("invalidParams.name", hasItem(c.get(2)));
        }
        given().auth().oauth2(reader()).queryParam("occurredFrom", "2027-03-02T00:00:00Z").queryParam("occurredUntil", "2027-03-01T00:00:00Z")
                .when().get("/api/v1/activities").then().statusCode(400).body("invalidParams.name", hasItem("occurredUntil"));
        given().auth().oauth2(reader()).queryParam("limit", 101).when().get("/api/v1/activities").then().statusCode(400);
    }

    @Test
    void unknownActivityIs404AndAnonymousIs401() {
        given().auth().oauth2(reader()).when().get("/api/v1/activities/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/activities").then().statusCode(401);
        given().when().get("/api/v1/activities/" + UUID.randomUUID()).then().statusCode(401);
    }
}
