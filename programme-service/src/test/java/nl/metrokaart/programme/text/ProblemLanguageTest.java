package nl.metrokaart.programme.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import nl.metrokaart.programme.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A refusal of each kind programme-service writes (validation, conflict, not found, precondition, bad parameter)
 * is Dutch by default and English with Accept-Language: en, title and detail alike, and says which in
 * Content-Language. (The 401 is checked for every service by ServiceConventionsTest.)
 */
@QuarkusTest
class ProblemLanguageTest {

    private static RequestSpecification as(String language) {
        RequestSpecification request = given().auth().oauth2(Fixtures.manager()).contentType("application/json");
        return language == null ? request : request.header("Accept-Language", language);
    }

    @Test
    void validationFailuresFollowAcceptLanguage() {
        UUID programme = Fixtures.programme();
        String body = Fixtures.projectBody(programme, "lower").replace("\"2009-12-31\"", "\"2009-01-31\"");
        as(null).body(body).when().post("/api/v1/projects")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("title", equalTo("Ongeldig verzoek"))
                .body("invalidParams.reason", hasItem("moet 2 tot 20 hoofdletters, cijfers of koppeltekens zijn"))
                .body("invalidParams.reason", hasItem("mag niet voor plannedStartDate liggen"));
        as("en").body(body).when().post("/api/v1/projects")
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Bad Request"))
                .body("invalidParams.reason", hasItem("must be 2 to 20 capitals, digits or hyphens"))
                .body("invalidParams.reason", hasItem("must not be before plannedStartDate"));
        as(null).body(Fixtures.projectBody(programme, "NEW").replace("\"budget\": 125000.50", "\"budget\": \"veel\""))
                .when().post("/api/v1/projects")
                .then().statusCode(400).body("invalidParams.reason", hasItem("ongeldige waarde 'veel'; verwacht wordt een getal"));
    }

    @Test
    void conflictsAndUnknownThingsFollowAcceptLanguage() {
        UUID programme = Fixtures.programme();
        UUID project = Fixtures.project(programme, "SELF");
        String self = "{\"predecessorId\": \"" + project + "\", \"type\": \"influences\"}";
        String path = "/api/v1/projects/" + project + "/dependencies";
        as(null).body(self).when().post(path)
                .then().statusCode(409).header("Content-Language", "nl")
                .body("title", equalTo("Conflict")).body("detail", equalTo("Een project kan niet van zichzelf afhangen."));
        as("en").body(self).when().post(path)
                .then().statusCode(409).header("Content-Language", "en")
                .body("detail", equalTo("A project cannot depend on itself."));

        UUID unknown = UUID.randomUUID();
        as(null).when().get("/api/v1/projects/" + unknown)
                .then().statusCode(404).header("Content-Language", "nl")
                .body("title", equalTo("Niet gevonden")).body("detail", equalTo("Project " + unknown + " bestaat niet."));
        as("en").when().get("/api/v1/projects/" + unknown)
                .then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not Found")).body("detail", equalTo("Project " + unknown + " does not exist."));
    }

    @Test
    void preconditionsAndBadParametersFollowAcceptLanguage() {
        UUID programme = Fixtures.programme();
        String path = "/api/v1/projects/" + Fixtures.project(programme, "IFM");
        String body = Fixtures.projectBody(programme, "IFM");
        as(null).body(body).when().put(path)
                .then().statusCode(428).header("Content-Language", "nl")
                .body("title", equalTo("Voorwaarde vereist"))
                .body("detail", equalTo("Stuur If-Match met de ETag van de resource die u las, zodat geen wijziging verloren gaat."));
        as("en").body(body).header("If-Match", "\"stale\"").when().put(path)
                .then().statusCode(412).header("Content-Language", "en")
                .body("title", equalTo("Precondition Failed"))
                .body("detail", org.hamcrest.Matchers.startsWith("The resource has changed since you read it"));

        as(null).queryParam("status", "klaar").when().get("/api/v1/projects")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("detail", org.hamcrest.Matchers.startsWith("Het verzoek is ongeldig: status moet een van [proposed, "));
        as("en").queryParam("limit", "0").when().get("/api/v1/projects")
                .then().statusCode(400).header("Content-Language", "en")
                .body("detail", equalTo("The request is not valid: limit must be a whole number from 1 to 100."));
    }
}
