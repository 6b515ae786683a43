package nl.metrokaart.programme.project;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.Fixtures.manager;
import static nl.metrokaart.programme.Fixtures.programme;
import static nl.metrokaart.programme.Fixtures.project;
import static nl.metrokaart.programme.Fixtures.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriorityResourceTest {

    @Test
    void reorderingIsAtomicAndGapFree() {
        UUID programme = programme();
        UUID a = project(programme, "A1");
        UUID b = project(programme, "B1");
        UUID c = project(programme, "C1");
        String etag = given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/programmes/" + programme + "/priorities")
                .then().statusCode(200)
                .body("projectIds", contains(a.toString(), b.toString(), c.toString()))
                .extract().header("ETag");

        String body = "{\"projectIds\": [\"" + c + "\", \"" + a + "\", \"" + b + "\"]}";
        given().auth().oauth2(manager()).contentType("application/json").body(body)
                .when().put("/api/v1/programmes/" + programme + "/priorities").then().statusCode(428);
        String reordered = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(body)
                .when().put("/api/v1/programmes/" + programme + "/priorities")
                .then().statusCode(200).body("projectIds", contains(c.toString(), a.toString(), b.toString()))
                .extract().header("ETag");
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/programmes/" + programme + "/priorities")
                .then().statusCode(200).header("ETag", equalTo(reordered));
        given().auth().oauth2(manager()).queryParam("programmeId", programme).when().get("/api/v1/projects")
                .then().body("items.code", contains("C1", "A1", "B1"))
                .body("items.priorityRank", contains(1, 2, 3));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(body)
                .when().put("/api/v1/programmes/" + programme + "/priorities").then().statusCode(412);
    }

    @Test
    void anIncompleteOrderIs400AndChangesNothing() {
        UUID programme = programme();
        UUID a = project(programme, "A2");
        UUID b = project(programme, "B2");
        String etag = given().auth().oauth2(manager()).when().get("/api/v1/programmes/" + programme + "/priorities")
                .then().extract().header("ETag");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body("{\"projectIds\": [\"" + b + "\", \"" + b + "\", \"" + UUID.randomUUID() + "\"]}")
                .when().put("/api/v1/programmes/" + programme + "/priorities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("projectIds"));
        given().auth().oauth2(manager()).when().get("/api/v1/programmes/" + programme + "/priorities")
                .then().body("projectIds", contains(a.toString(), b.toString()));
    }

    @Test
    void unknownProgrammeAndWrongRole() {
        given().auth().oauth2(manager()).when().get("/api/v1/programmes/" + UUID.randomUUID() + "/priorities")
                .then().statusCode(404);
        given().auth().oauth2(reader(Roles.INTEGRATOR)).contentType("application/json").header("If-Match", "\"x\"")
                .body("{\"projectIds\": []}")
                .when().put("/api/v1/programmes/" + UUID.randomUUID() + "/priorities")
                .then().statusCode(403);
    }
}
