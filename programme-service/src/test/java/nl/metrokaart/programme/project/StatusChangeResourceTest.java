package nl.metrokaart.programme.project;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.Fixtures.manager;
import static nl.metrokaart.programme.Fixtures.moveTo;
import static nl.metrokaart.programme.Fixtures.programme;
import static nl.metrokaart.programme.Fixtures.project;
import static nl.metrokaart.programme.Fixtures.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.milestone.Milestone;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusChangeResourceTest {

    private static void post(UUID project, String status, int expected) {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"" + status + "\", \"explanation\": \"Steering committee decision.\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(expected);
    }

    @Test
    void transitionsAreRecordedInTheHistory() {
        UUID project = project(programme(), "H1");
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"planned\", \"explanation\": \"Approved.\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(201)
                .header("Location", containsString("/status-changes/"))
                .body("fromStatus", equalTo("proposed"))
                .body("toStatus", equalTo("planned"))
                .body("changedBy", equalTo("petra"));
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(200)
                .body("toStatus", contains("proposed", "planned"))
                .body("explanation[1]", equalTo("Approved."));
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/projects/" + project)
                .then().body("status", equalTo("planned"));
    }

    @Test
    void anIllegalTransitionIs409NamingTheAllowedOnes() {
        UUID project = project(programme(), "H2");
        given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"realised\", \"explanation\": \"Too soon.\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("allowed: planned, cancelled"))
                .body("allowedStatuses", contains("planned", "cancelled"));
        given().auth().oauth2(manager()).when().get("/api/v1/projects/" + project + "/status-changes")
                .then().body("", hasSize(1));
    }

    @Test
    void aProjectCannotStartBeforeItsPredecessorIsRealised() {
        UUID programme = programme();
        UUID wion = project(programme, "WION");
        UUID durp = project(programme, "DURP");
        QuarkusTransaction.requiringNew().run(() -> {
            Dependency link = new Dependency();
            link.id = UUID.randomUUID();
            link.projectId = durp;
            link.predecessorId = wion;
            link.type = DependencyType.MUST_FINISH_BEFORE;
            link.createdAt = Instant.now();
            link.persist();
        });
        moveTo(durp, "planned");
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"in-progress\", \"explanation\": \"Start.\"}")
                .when().post("/api/v1/projects/" + durp + "/status-changes")
                .then().statusCode(409)
                .body("blockingProjects", contains("WION"))
                .body("detail", containsString("WION"));
        moveTo(wion, "planned", "in-progress", "realised");
        post(durp, "in-progress", 201);
    }

    @Test
    void aProjectCannotBeRealisedWithAnOpenKeyMilestone() {
        UUID project = project(programme(), "GBA");
        UUID milestone = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Milestone m = new Milestone();
            m.id = milestone;
            m.projectId = project;
            m.title = "Connected to the GBA";
            m.dueDate = LocalDate.of(2010, 1, 1);
            m.key = true;
            m.createdAt = Instant.now();
            m.updatedAt = m.createdAt;
            m.persist();
        });
        moveTo(project, "planned", "in-progress");
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"realised\", \"explanation\": \"Done.\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(409)
                .body("openMilestones[0].title", equalTo("Connected to the GBA"));
        QuarkusTransaction.requiringNew().run(() -> Milestone.update("achievedDate = ?1 where id = ?2", LocalDate.of(2009, 12, 1), milestone));
        post(project, "realised", 201);
        post(project, "in-progress", 409);
    }

    @Test
    void invalidAndUnauthorisedRequests() {
        UUID project = project(programme(), "H3");
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"done\", \"explanation\": \"?\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("status"))
                .body("invalidParams[0].reason", containsString("in-progress"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"planned\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("explanation"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).contentType("application/json")
                .body("{\"status\": \"planned\", \"explanation\": \"x\"}")
                .when().post("/api/v1/projects/" + project + "/status-changes")
                .then().statusCode(403);
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"status\": \"planned\", \"explanation\": \"x\"}")
                .when().post("/api/v1/projects/" + UUID.randomUUID() + "/status-changes")
                .then().statusCode(404);
        given().auth().oauth2(manager()).when().get("/api/v1/projects/" + project + "/status-changes/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
