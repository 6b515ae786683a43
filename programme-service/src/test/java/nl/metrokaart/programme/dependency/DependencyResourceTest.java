package nl.metrokaart.programme.dependency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.PlanningFixtures;
import nl.metrokaart.programme.events.ProgrammeEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DependencyResourceTest {

    @Inject
    PlanningFixtures fixtures;

    UUID programmeId;
    UUID wabo;
    UUID durp;
    UUID wion;

    @BeforeEach
    void projects() {
        programmeId = fixtures.programme();
        wabo = fixtures.project(programmeId, "WABO", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 3, 31));
        durp = fixtures.project(programmeId, "DURP", LocalDate.of(2010, 4, 1), LocalDate.of(2010, 6, 30));
        wion = fixtures.project(programmeId, "WION", LocalDate.of(2010, 7, 1), LocalDate.of(2010, 9, 30));
    }

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private static String collection(UUID projectId) {
        return "/api/v1/projects/" + projectId + "/dependencies";
    }

    private static String body(UUID predecessor, String type, int lag) {
        return "{\"predecessorId\": \"" + predecessor + "\", \"type\": \"" + type + "\", \"lagDays\": " + lag
                + ", \"explanation\": \"Needs the outcome first.\"}";
    }

    private static ExtractableResponse<Response> post(UUID projectId, String body) {
        return given().auth().oauth2(manager()).contentType("application/json").body(body)
                .when().post(collection(projectId)).then().extract();
    }

    @Test
    void createThenReadBackWithEtagAndEvent() {
        ExtractableResponse<Response> created = post(durp, body(wabo, "must-finish-before", 14));
        assertEquals(201, created.statusCode());
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(collection(durp) + "/" + id));

        String etag = given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY))
                .when().get(collection(durp) + "/" + id)
                .then().statusCode(200)
                .body("projectId", equalTo(durp.toString()))
                .body("predecessorId", equalTo(wabo.toString()))
                .body("type", equalTo("must-finish-before"))
                .body("lagDays", equalTo(14))
                .body("explanation", equalTo("Needs the outcome first."))
                .extract().header("ETag");
        given().auth().oauth2(manager()).header("If-None-Match", etag)
                .when().get(collection(durp) + "/" + id).then().statusCode(304);
        assertEquals(1, fixtures.events(durp, ProgrammeEvents.DEPENDENCY_ADDED).size());
        assertTrue(fixtures.events(durp, ProgrammeEvents.DEPENDENCY_ADDED).get(0).data.contains(id));
    }

    @Test
    void listShowsWhatTheProjectDependsOnToEveryRole() {
        post(wion, body(durp, "must-finish-before", 0));
        post(wion, "{\"predecessorId\": \"" + wabo + "\", \"type\": \"influences\"}");
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("reader", role))
                    .when().get(collection(wion))
                    .then().statusCode(200)
                    .body("predecessorId", equalTo(List.of(durp.toString(), wabo.toString())))
                    .body("[1].lagDays", equalTo(0))
                    .body("[1].explanation", nullValue());
        }
        // The predecessor's own list holds only what it depends on: nothing.
        String etag = given().auth().oauth2(manager()).when().get(collection(durp))
                .then().statusCode(200).body("size()", equalTo(0)).extract().header("ETag");
        given().auth().oauth2(manager()).header("If-None-Match", etag)
                .when().get(collection(durp)).then().statusCode(304);
    }

    @Test
    void deleteRemovesTheLinkAndRecordsAnEvent() {
        String path = collection(durp) + "/" + post(durp, body(wabo, "must-finish-before", 0)).path("id");
        given().auth().oauth2(TestTokens.withRoles("admin", Roles.ADMIN)).when().delete(path).then().statusCode(204);
        given().auth().oauth2(manager()).when().get(path).then().statusCode(404);
        given().auth().oauth2(manager()).when().delete(path)
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, fixtures.events(durp, ProgrammeEvents.DEPENDENCY_REMOVED).size());
        assertEquals(0, fixtures.dependencyCount(durp));
    }

    @Test
    void cycleIs409NamingTheProjectsInOrder() {
        assertEquals(201, post(durp, body(wabo, "must-finish-before", 0)).statusCode());
        assertEquals(201, post(wion, body(durp, "must-finish-before", 0)).statusCode());
        given().auth().oauth2(manager()).contentType("application/json").body(body(wion, "must-finish-before", 0))
                .when().post(collection(wabo))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("WABO → DURP → WION → WABO"))
                .body("cycle", equalTo(List.of("WABO", "DURP", "WION", "WABO")));
        // An influences link back is no cycle: it does not constrain the planning.
        assertEquals(201, post(wabo, "{\"predecessorId\": \"" + wion + "\", \"type\": \"influences\"}").statusCode());
        assertEquals(1, fixtures.dependencyCount(wabo));
    }

    @Test
    void selfLinkDuplicateAndOtherProgrammeAre409() {
        given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json").body(body(wabo, "influences", 0))
                .when().post(collection(wabo))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("itself"));

        assertEquals(201, post(durp, body(wabo, "must-finish-before", 0)).statusCode());
        given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json").body(body(wabo, "must-finish-before", 7))
                .when().post(collection(durp))
                .then().statusCode(409).body("detail", containsString("already"));

        UUID elsewhere = fixtures.project(fixtures.programme(), "BAG", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 2, 1));
        given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json").body(body(elsewhere, "influences", 0))
                .when().post(collection(durp))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("another programme"));
        assertEquals(1, fixtures.dependencyCount(durp));
    }

    @Test
    void invalidInputIs400WithInvalidParams() {
        given().auth().oauth2(manager()).contentType("application/json").body("{\"lagDays\": -1}")
                .when().post(collection(durp))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("predecessorId"))
                .body("invalidParams.name", hasItem("type"))
                .body("invalidParams.name", hasItem("lagDays"));
        given().auth().oauth2(manager()).contentType("application/json").body(body(wabo, "blocks", 0))
                .when().post(collection(durp))
                .then().statusCode(400).body("invalidParams.name", hasItem("type"));
        given().auth().oauth2(manager()).contentType("application/json").body(body(wabo, "influences", 5))
                .when().post(collection(durp))
                .then().statusCode(400).body("invalidParams.name", hasItem("lagDays"));
        given().auth().oauth2(manager()).contentType("application/json").body(body(UUID.randomUUID(), "influences", 0))
                .when().post(collection(durp))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("predecessorId"));
        assertEquals(0, fixtures.dependencyCount(durp));
    }

    @Test
    void withoutTokenIs401AndReadOnlyRolesGet403() {
        given().when().get(collection(durp)).then().statusCode(401).contentType("application/problem+json");
        String path = collection(durp) + "/" + post(durp, body(wabo, "must-finish-before", 0)).path("id");
        for (String role : List.of(Roles.INTEGRATOR, Roles.SECRETARY, Roles.MUNICIPALITY_COORDINATOR)) {
            String token = TestTokens.withRoles("reader", role);
            given().auth().oauth2(token).contentType("application/json").body(body(wabo, "influences", 0))
                    .when().post(collection(durp)).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().delete(path).then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(1, fixtures.dependencyCount(durp));
    }

    @Test
    void unknownProjectOrDependencyIs404() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(manager()).when().get(collection(unknown))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").body(body(wabo, "influences", 0))
                .when().post(collection(unknown)).then().statusCode(404);
        given().auth().oauth2(manager()).when().get(collection(durp) + "/" + unknown).then().statusCode(404);
        given().auth().oauth2(manager()).when().get(collection(durp) + "/not-a-uuid").then().statusCode(404);
        String id = post(durp, body(wabo, "must-finish-before", 0)).path("id");
        // A link is found only under its dependent project.
        given().auth().oauth2(manager()).when().get(collection(wabo) + "/" + id).then().statusCode(404);
        given().auth().oauth2(manager()).when().delete(collection(wabo) + "/" + id).then().statusCode(404);
        assertEquals(1, fixtures.dependencyCount(durp));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndLinksNothingTwice() {
        String key = "dependency-" + UUID.randomUUID();
        String request = body(wabo, "must-finish-before", 3);
        ExtractableResponse<Response> first = given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(request)
                .when().post(collection(durp)).then().statusCode(201).extract();
        ExtractableResponse<Response> again = given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(request)
                .when().post(collection(durp)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(1, fixtures.dependencyCount(durp));
        assertEquals(1, fixtures.events(durp, ProgrammeEvents.DEPENDENCY_ADDED).size());

        // Only lagDays differs: still another request.
        given().auth().oauth2(manager()).contentType("application/json")
                .header("Idempotency-Key", key).body(body(wabo, "must-finish-before", 4))
                .when().post(collection(durp))
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, fixtures.dependencyCount(durp));
    }
}
