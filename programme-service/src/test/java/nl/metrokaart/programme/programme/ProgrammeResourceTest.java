package nl.metrokaart.programme.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.programme.Fixtures;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammeResourceTest {

    static final String VALID = """
            {"name": "EGEM Krimpenerwaard",
             "ambition": "One way of working for five municipalities.",
             "goals": ["Digital services", "One front office"],
             "startDate": "2009-01-01", "endDate": "2011-12-31",
             "programmeManager": "Petra de Vries",
             "steeringCommittee": [{"name": "J. Bakker", "municipality": "GM0610", "responsibility": "Chair"}]}
            """;

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    @Test
    void createThenReadBack() {
        String location = given().auth().oauth2(manager()).contentType("application/json").body(VALID)
                .when().post("/api/v1/programmes")
                .then().statusCode(201)
                .header("API-Version", "1.0.0")
                .header("Location", containsString("/api/v1/programmes/"))
                .body("name", equalTo("EGEM Krimpenerwaard"))
                .body("steeringCommittee[0].municipality", equalTo("GM0610"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(TestTokens.withRoles("int", Roles.INTEGRATOR))
                .when().get("/api/v1/programmes/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("startDate", equalTo("2009-01-01"))
                .body("goals", hasItem("One front office"));

        given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY))
                .when().get("/api/v1/programmes")
                .then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void aProgrammeIsChangedWithIfMatchAndKeepsTheLinesItsProjectsUse() {
        UUID programme = Fixtures.programme();
        Fixtures.project(programme, "PUT-1"); // on line key-registers
        String path = "/api/v1/programmes/" + programme;
        String etag = given().auth().oauth2(manager()).when().get(path).then().statusCode(200).extract().header("ETag");
        String changed = """
                {"name": "EGEM Krimpenerwaard, phase 2", "ambition": "One front office for five municipalities.",
                 "goals": ["One front office"], "startDate": "2009-01-01", "endDate": "2012-12-31",
                 "programmeManager": "Karin Smit", "steeringCommittee": [],
                 "lines": [{"code": "key-registers", "name": "Key registers", "colour": "#E3001B"}]}""";

        given().auth().oauth2(manager()).contentType("application/json").body(changed)
                .when().put(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"").body(changed)
                .when().put(path).then().statusCode(412).header("ETag", equalTo(etag));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(changed.replace("2012-12-31", "2008-12-31"))
                .when().put(path).then().statusCode(400).body("invalidParams.name", hasItem("endDate"));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(changed.replace("\"key-registers\", \"name\": \"Key registers\"", "\"services\", \"name\": \"Services\""))
                .when().put(path).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("key-registers"));
        for (String role : List.of(Roles.SECRETARY, Roles.MUNICIPALITY_COORDINATOR, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("r", role)).contentType("application/json").header("If-Match", etag)
                    .body(changed).when().put(path).then().statusCode(403);
        }
        given().contentType("application/json").header("If-Match", etag).body(changed).when().put(path).then().statusCode(401);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put("/api/v1/programmes/" + UUID.randomUUID()).then().statusCode(404);
        // None of the refused changes changed anything.
        given().auth().oauth2(manager()).when().get(path).then().header("ETag", equalTo(etag));

        String changedTag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(path).then().statusCode(200)
                .body("name", equalTo("EGEM Krimpenerwaard, phase 2"))
                .body("programmeManager", equalTo("Karin Smit"))
                .body("lines.code", contains("key-registers"))
                .extract().header("ETag");
        given().auth().oauth2(manager()).when().get(path).then().statusCode(200).header("ETag", equalTo(changedTag));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put(path).then().statusCode(412);
    }

    @Test
    void ifMatchStarIsRefusedWith428AndChangesNothing() {
        UUID programme = Fixtures.programme();
        String path = "/api/v1/programmes/" + programme;
        String etag = given().auth().oauth2(manager()).when().get(path).then().statusCode(200).extract().header("ETag");
        String changed = """
                {"name": "Overwritten blindly", "ambition": "Any version will do.", "goals": [],
                 "startDate": "2009-01-01", "endDate": "2012-12-31", "programmeManager": "Karin Smit",
                 "steeringCommittee": [], "lines": [{"code": "key-registers", "name": "Key registers", "colour": "#E3001B"}]}""";
        for (String wildcard : List.of("*", etag + ", *")) {
            given().header("Accept-Language", "en").auth().oauth2(manager()).contentType("application/json").header("If-Match", wildcard).body(changed)
                    .when().put(path).then().statusCode(428).contentType("application/problem+json")
                    .body("detail", containsString("real ETag"));
        }
        given().auth().oauth2(manager()).when().get(path).then().header("ETag", equalTo(etag));
    }

    @Test
    void unknownProgrammeIs404() {
        given().header("Accept-Language", "en").auth().oauth2(manager())
                .when().get("/api/v1/programmes/6f1c3c1e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    @Test
    void malformedIdIs400or404NeverServerError() {
        given().auth().oauth2(manager())
                .when().get("/api/v1/programmes/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void missingFieldsAre400WithInvalidParams() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"name\": \"\", \"startDate\": \"2010-01-01\", \"endDate\": \"2009-01-01\"}")
                .when().post("/api/v1/programmes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("invalidParams.name", hasItem("name"))
                .body("invalidParams.name", hasItem("ambition"))
                .body("invalidParams.name", hasItem("programmeManager"))
                .body("invalidParams.name", hasItem("endDate"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body(VALID.replace("\"2009-01-01\"", "\"first of January\""))
                .when().post("/api/v1/programmes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("startDate"));
    }

    @Test
    void emptyBodyIs400() {
        given().auth().oauth2(manager()).contentType("application/json")
                .when().post("/api/v1/programmes")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIs415ProblemJson() {
        given().auth().oauth2(manager()).contentType("text/plain").body("hello")
                .when().post("/api/v1/programmes")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .header("API-Version", endsWith("1.0.0"));
    }
}
