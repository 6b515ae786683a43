package nl.metrokaart.programme.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.outbox.OutboxEvent;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.PlanningFixtures;
import nl.metrokaart.programme.events.ProgrammeEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MilestoneResourceTest {

    static final String BODY = """
            {"title": "Decision on the shared front office", "dueDate": "2010-06-30", "key": true}
            """;

    @Inject
    PlanningFixtures fixtures;

    @Inject
    MilestoneOverdueCheck overdueCheck;

    UUID programmeId;
    UUID projectId;

    @BeforeEach
    void project() {
        programmeId = fixtures.programme();
        projectId = fixtures.project(programmeId, "WABO", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31));
    }

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private String collection() {
        return "/api/v1/projects/" + projectId + "/milestones";
    }

    private ExtractableResponse<Response> create(String body) {
        return given().auth().oauth2(manager()).contentType("application/json").body(body)
                .when().post(collection())
                .then().statusCode(201).extract();
    }

    private String etag(String path) {
        return given().auth().oauth2(manager()).when().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void createThenReadBackWithEtagAndEvent() {
        ExtractableResponse<Response> created = create(BODY);
        String id = created.path("id");
        assertEquals("http", created.header("Location").substring(0, 4));
        assertTrue(created.header("Location").endsWith(collection() + "/" + id));
        assertEquals("open", created.path("status"));
        assertEquals(projectId.toString(), created.path("projectId"));

        String etag = given().auth().oauth2(TestTokens.withRoles("int", Roles.INTEGRATOR))
                .when().get(collection() + "/" + id)
                .then().statusCode(200)
                .header("API-Version", "1.0.0")
                .body("title", equalTo("Decision on the shared front office"))
                .body("dueDate", equalTo("2010-06-30"))
                .body("achievedDate", nullValue())
                .body("key", equalTo(true))
                .body("status", equalTo("open"))
                .body("version", equalTo(0))
                .extract().header("ETag");
        assertNotNull(etag);
        given().auth().oauth2(manager()).header("If-None-Match", etag)
                .when().get(collection() + "/" + id)
                .then().statusCode(304).body(emptyOrNullString());

        List<OutboxEvent> scheduled = fixtures.events(projectId, ProgrammeEvents.MILESTONE_SCHEDULED);
        assertEquals(1, scheduled.size());
        assertTrue(scheduled.get(0).data.contains(id));
        assertTrue(fixtures.events(projectId, ProgrammeEvents.MILESTONE_ACHIEVED).isEmpty());
    }

    @Test
    void listIsOrderedByDueDateAndReadableByEveryRole() {
        create(BODY.replace("2010-06-30", "2010-09-01").replace("Decision", "Later"));
        create(BODY.replace("2010-06-30", "2010-03-01").replace("Decision", "Earlier"));
        create(BODY);
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("reader", role))
                    .when().get(collection())
                    .then().statusCode(200)
                    .body("dueDate", equalTo(List.of("2010-03-01", "2010-06-30", "2010-09-01")));
        }
        String etag = etag(collection());
        given().auth().oauth2(manager()).header("If-None-Match", etag)
                .when().get(collection()).then().statusCode(304);
        create(BODY.replace("Decision", "Another"));
        given().auth().oauth2(manager()).header("If-None-Match", etag)
                .when().get(collection()).then().statusCode(200);
    }

    @Test
    void createAlreadyAchievedRecordsBothEvents() {
        String id = create("""
                {"title": "Kick-off", "dueDate": "2010-01-15", "achievedDate": "2010-01-14"}
                """).path("id");
        given().auth().oauth2(manager()).when().get(collection() + "/" + id)
                .then().statusCode(200).body("status", equalTo("achieved")).body("key", equalTo(false));
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_SCHEDULED).size());
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_ACHIEVED).size());
    }

    @Test
    void replaceWithIfMatchReschedulesAndAchieves() {
        String path = collection() + "/" + create(BODY).path("id");
        String etag = etag(path);

        String newEtag = given().auth().oauth2(TestTokens.withRoles("admin", Roles.ADMIN)).contentType("application/json")
                .header("If-Match", etag)
                .body("""
                        {"title": "Decision taken", "dueDate": "2010-07-15", "achievedDate": "2010-07-10", "key": true}
                        """)
                .when().put(path)
                .then().statusCode(200)
                .body("title", equalTo("Decision taken"))
                .body("dueDate", equalTo("2010-07-15"))
                .body("achievedDate", equalTo("2010-07-10"))
                .body("status", equalTo("achieved"))
                .body("version", equalTo(1))
                .header("ETag", not(equalTo(etag)))
                .extract().header("ETag");
        // The ETag of the PUT answer is the one a GET gives.
        assertEquals(newEtag, etag(path));
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_RESCHEDULED).size());
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_ACHIEVED).size());
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_CHANGED).size(), "the title changed too");

        // Only the title changes: neither rescheduled nor newly achieved, but changed.
        String titled = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", newEtag)
                .body("""
                        {"title": "Decision taken by all five", "dueDate": "2010-07-15", "achievedDate": "2010-07-10", "key": true}
                        """)
                .when().put(path).then().statusCode(200).body("version", equalTo(2)).extract().header("ETag");
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_RESCHEDULED).size());
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_ACHIEVED).size());
        List<OutboxEvent> changed = fixtures.events(projectId, ProgrammeEvents.MILESTONE_CHANGED);
        assertEquals(2, changed.size());
        assertTrue(changed.get(1).data.contains("Decision taken by all five"), changed.get(1).data);

        // The achievement withdrawn: un-achieved, open again for the planning and the alerts.
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", titled)
                .body("""
                        {"title": "Decision taken by all five", "dueDate": "2010-07-15", "achievedDate": null, "key": true}
                        """)
                .when().put(path).then().statusCode(200).body("status", not(equalTo("achieved")));
        List<OutboxEvent> unachieved = fixtures.events(projectId, ProgrammeEvents.MILESTONE_UNACHIEVED);
        assertEquals(1, unachieved.size());
        assertNull(io.restassured.path.json.JsonPath.from(unachieved.get(0).data).getString("achievedDate"));
        assertEquals(2, fixtures.events(projectId, ProgrammeEvents.MILESTONE_CHANGED).size());
    }

    @Test
    void replaceWithoutIfMatchIs428AndWithStaleIfMatchIs412() {
        String path = collection() + "/" + create(BODY).path("id");
        String etag = etag(path);
        given().auth().oauth2(manager()).contentType("application/json").body(BODY)
                .when().put(path)
                .then().statusCode(428).contentType("application/problem+json").body("status", equalTo(428));

        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(BODY.replace("2010-06-30", "2010-08-01"))
                .when().put(path).then().statusCode(200);
        given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(BODY.replace("2010-06-30", "2010-09-01"))
                .when().put(path)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("changed"));
        given().auth().oauth2(manager()).when().get(path).then().body("dueDate", equalTo("2010-08-01"));
    }

    @Test
    void deleteRequiresCurrentIfMatch() {
        String path = collection() + "/" + create(BODY).path("id");
        String etag = etag(path);
        given().auth().oauth2(manager()).when().delete(path)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", "\"stale\"").when().delete(path)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", etag).when().delete(path).then().statusCode(204);
        given().auth().oauth2(manager()).when().get(path).then().statusCode(404);
        // The deletion is published as a tombstone naming the milestone and its project.
        String id = path.substring(path.lastIndexOf('/') + 1);
        List<OutboxEvent> deleted = fixtures.events(projectId, ProgrammeEvents.MILESTONE_DELETED);
        assertEquals(1, deleted.size());
        assertTrue(deleted.get(0).data.contains(id) && deleted.get(0).data.contains(projectId.toString()), deleted.get(0).data);
        given().auth().oauth2(manager()).header("If-Match", etag).when().delete(path)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidInputIs400WithInvalidParams() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"title\": \" \", \"achievedDate\": \"" + LocalDate.now().plusDays(30) + "\"}")
                .when().post(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItems("title", "dueDate", "achievedDate"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(BODY.replace("2010-06-30", "30 June"))
                .when().post(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("dueDate"));
        String path = collection() + "/" + create(BODY).path("id");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag(path))
                .body("{\"title\": \"No date\"}")
                .when().put(path)
                .then().statusCode(400).body("invalidParams.name", hasItem("dueDate"));
        assertEquals(1, fixtures.milestoneCount(projectId));
    }

    @Test
    void withoutTokenIs401() {
        given().when().get(collection())
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(BODY).when().post(collection())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readOnlyRolesGet403OnEveryWrite() {
        String path = collection() + "/" + create(BODY).path("id");
        String etag = etag(path);
        for (String role : List.of(Roles.INTEGRATOR, Roles.SECRETARY, Roles.MUNICIPALITY_COORDINATOR)) {
            String token = TestTokens.withRoles("reader", role);
            given().auth().oauth2(token).contentType("application/json").body(BODY).when().post(collection())
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(BODY)
                    .when().put(path).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).header("If-Match", etag).when().delete(path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(1, fixtures.milestoneCount(projectId));
    }

    @Test
    void unknownProjectOrMilestoneIs404() {
        String unknown = UUID.randomUUID().toString();
        given().header("Accept-Language", "en").auth().oauth2(manager()).when().get("/api/v1/projects/" + unknown + "/milestones")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        given().auth().oauth2(manager()).contentType("application/json").body(BODY)
                .when().post("/api/v1/projects/" + unknown + "/milestones")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).when().get(collection() + "/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).when().get(collection() + "/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");

        // A milestone is found only under its own project.
        String id = create(BODY).path("id");
        UUID other = fixtures.project(programmeId, "DURP", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 6, 30));
        String foreign = "/api/v1/projects/" + other + "/milestones/" + id;
        given().auth().oauth2(manager()).when().get(foreign)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "*").body(BODY)
                .when().put(foreign).then().statusCode(404);
        given().auth().oauth2(manager()).header("If-Match", "*").when().delete(foreign).then().statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndCreatesNothingTwice() {
        String key = "milestone-" + UUID.randomUUID();
        ExtractableResponse<Response> first = given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(BODY)
                .when().post(collection()).then().statusCode(201).extract();
        ExtractableResponse<Response> again = given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(BODY)
                .when().post(collection()).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, fixtures.milestoneCount(projectId));
        assertEquals(1, fixtures.events(projectId, ProgrammeEvents.MILESTONE_SCHEDULED).size());

        given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(BODY.replace("2010-06-30", "2010-07-01"))
                .when().post(collection())
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, fixtures.milestoneCount(projectId));
    }

    @Test
    void overdueCheckMarksUnachievedKeyMilestonesMissedOnce() {
        LocalDate today = LocalDate.of(2010, 7, 1);
        UUID overdueKey = fixtures.milestone(projectId, "Key, overdue", today.minusDays(1), null, true);
        UUID overdueMinor = fixtures.milestone(projectId, "Not key, overdue", today.minusDays(1), null, false);
        UUID achieved = fixtures.milestone(projectId, "Key, achieved late", today.minusDays(5), today.minusDays(1), true);
        UUID dueToday = fixtures.milestone(projectId, "Key, due today", today, null, true);

        overdueCheck.markOverdue(today);

        assertNotNull(fixtures.findMilestone(overdueKey).missedAt);
        for (UUID untouched : List.of(overdueMinor, achieved, dueToday)) {
            assertEquals(null, fixtures.findMilestone(untouched).missedAt);
        }
        given().auth().oauth2(manager()).when().get(collection() + "/" + overdueKey)
                .then().statusCode(200).body("status", equalTo("missed")).body("version", equalTo(1));
        given().auth().oauth2(manager()).when().get(collection() + "/" + overdueMinor)
                .then().body("status", equalTo("open"));
        List<OutboxEvent> missed = fixtures.events(projectId, ProgrammeEvents.MILESTONE_MISSED);
        assertEquals(1, missed.size());
        assertTrue(missed.get(0).data.contains(overdueKey.toString()));
        assertTrue(missed.get(0).data.contains("\"missed\""));
        assertEquals("projects/" + projectId, missed.get(0).subject);

        // A day later the milestone due today is missed too; the one already missed is not announced again.
        overdueCheck.markOverdue(today.plusDays(1));
        assertNotNull(fixtures.findMilestone(dueToday).missedAt);
        missed = fixtures.events(projectId, ProgrammeEvents.MILESTONE_MISSED);
        assertEquals(2, missed.size());
        assertTrue(missed.get(1).data.contains(dueToday.toString()));
    }

    @Test
    void reschedulingAMissedMilestoneOpensItAgain() {
        UUID id = fixtures.milestone(projectId, "Key, overdue", LocalDate.of(2010, 6, 1), null, true);
        overdueCheck.markOverdue(LocalDate.of(2010, 7, 1));
        String path = collection() + "/" + id;
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag(path))
                .body("{\"title\": \"Key, overdue\", \"dueDate\": \"2010-09-01\", \"key\": true}")
                .when().put(path)
                .then().statusCode(200).body("status", equalTo("open"));
    }

    /**
     * A date no database or metro map can hold, or far from the project, is refused and not stored: a milestone of
     * +50000-01-01 once made every metro map of its programme an 8 MB picture, +5000000-01-01 every map a 500.
     */
    @Test
    void farDatesAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = fixtures.milestoneCount(projectId);
        for (String due : List.of("+50000-01-01", "+5000000-01-01", "0001-01-01", "2200-01-01", "2040-01-01")) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body(BODY.replace("2010-06-30", due))
                    .when().post(collection())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("invalidParams.name", hasItem("dueDate"));
        }
        given().auth().oauth2(manager()).contentType("application/json")
                .body(BODY.replace("Decision on the shared front office", "Decision\\u0000 on NUL"))
                .when().post(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("title"));
        assertEquals(before, fixtures.milestoneCount(projectId));
    }
}
