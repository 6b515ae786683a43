package nl.metrokaart.newsletter.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Problem titles and default details are Dutch unless the request asks for English, and say so. */
@QuarkusTest
class ProblemLanguageTest {

    @Test
    void problemTitlesFollowAcceptLanguage() {
        String token = TestTokens.withRoles("reader", Roles.SECRETARY);
        given().auth().oauth2(token).when().get("/api/v1/newsletters/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .header("Content-Language", "nl").body("title", equalTo("Niet gevonden"));
        given().auth().oauth2(token).header("Accept-Language", "en-US,en;q=0.8").when().get("/api/v1/newsletters/" + UUID.randomUUID())
                .then().statusCode(404).header("Content-Language", "en").body("title", equalTo("Not Found"));
        given().auth().oauth2(token).queryParam("limit", "ten").when().get("/api/v1/newsletters")
                .then().statusCode(400).body("title", equalTo("Ongeldig verzoek"))
                .body("detail", equalTo("Het verzoek is ongeldig: limit must be a whole number from 1 to 100."));
    }
}
