package nl.metrokaart.municipality.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A refusal of each kind municipality-service writes (validation, conflict, not found, precondition, bad
 * parameter) is Dutch by default and English with Accept-Language: en, and says which in Content-Language.
 * (The 401 is checked for every service by ServiceConventionsTest.)
 */
@QuarkusTest
class ProblemLanguageTest {

    private static RequestSpecification as(String language) {
        RequestSpecification request = given().auth().oauth2(Fixtures.admin()).contentType("application/json");
        return language == null ? request : request.header("Accept-Language", language);
    }

    @Test
    void validationFailuresAndConflictsFollowAcceptLanguage() {
        Map<String, Object> wrongCode = Map.of("code", "0612", "name", "Schoonhoven", "inhabitants", 12000,
                "municipalSecretary", "A. de Graaf");
        as(null).body(wrongCode).when().post("/api/v1/municipalities")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("invalidParams.reason", hasItem("moet een CBS-gemeentecode zijn: GM gevolgd door vier cijfers"));
        as("en").body(wrongCode).when().post("/api/v1/municipalities")
                .then().statusCode(400).header("Content-Language", "en")
                .body("invalidParams.reason", hasItem("must be a CBS municipality code: GM followed by four digits"));

        Fixtures.municipality("GM4711", "Taalstad");
        Map<String, Object> again = Map.of("code", "GM4711", "name", "Taalstad", "inhabitants", 1000, "municipalSecretary", "B. Taal");
        as(null).body(again).when().post("/api/v1/municipalities")
                .then().statusCode(409).header("Content-Language", "nl").body("detail", equalTo("Gemeente GM4711 bestaat al."));
        as("en").body(again).when().post("/api/v1/municipalities")
                .then().statusCode(409).header("Content-Language", "en").body("detail", equalTo("Municipality GM4711 already exists."));
    }

    @Test
    void unknownThingsPreconditionsAndBadParametersFollowAcceptLanguage() {
        as(null).when().get("/api/v1/municipalities/GM4799")
                .then().statusCode(404).header("Content-Language", "nl")
                .body("title", equalTo("Niet gevonden")).body("detail", equalTo("Gemeente GM4799 bestaat niet."));
        as("en").when().get("/api/v1/municipalities/GM4799")
                .then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not Found")).body("detail", equalTo("Municipality GM4799 does not exist."));

        UUID project = Fixtures.project("LANG-KEY");
        String equal = "{\"method\": \"equal-share\"}";
        as(null).header("If-Match", "\"v1\"").body(equal).when().put("/api/v1/allocation-keys/" + project)
                .then().statusCode(412).header("Content-Language", "nl").body("title", equalTo("Voorwaarde niet vervuld"))
                .body("detail", equalTo("Project " + project + " heeft geen verdeelsleutel om mee te vergelijken; kies er een zonder If-Match."));
        as("en").header("If-Match", "\"v1\"").body(equal).when().put("/api/v1/allocation-keys/" + project)
                .then().statusCode(412).header("Content-Language", "en")
                .body("detail", equalTo("Project " + project + " has no allocation key to match; choose one without If-Match."));

        as(null).queryParam("projectId", "WION").when().get("/api/v1/decisions")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("detail", equalTo("Het verzoek is ongeldig: projectId moet een UUID zijn."));
        as("en").queryParam("decidingBody", "mayor").when().get("/api/v1/decisions")
                .then().statusCode(400).header("Content-Language", "en")
                .body("detail", equalTo("The request is not valid: decidingBody must be one of "
                        + "[steering-committee, secretaries-meeting, municipal-executive, council]."));
    }
}
