package nl.metrokaart.newsletter.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Problem titles and details are Dutch unless the request asks for English, and say so: a refusal of each kind
 * newsletter-service writes (validation, conflict, not found, precondition, bad parameter). (The 401 is checked
 * for every service by ServiceConventionsTest.)
 */
@QuarkusTest
class ProblemLanguageTest {

    private static final String MEETING = """
            {"title": "Stuurgroep", "startsAt": "2031-05-01T10:00:00Z", "endsAt": "2031-05-01T09:00:00Z",
             "location": "Stadhuis Schoonhoven", "audience": "steering-committee", "agendaItems": []}""";

    private static RequestSpecification as(String token, String language) {
        RequestSpecification request = given().auth().oauth2(token).contentType("application/json");
        return language == null ? request : request.header("Accept-Language", language);
    }

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
                .body("detail", equalTo("Het verzoek is ongeldig: limit moet een geheel getal van 1 tot en met 100 zijn."));
    }

    @Test
    void detailsTheServiceWritesFollowAcceptLanguage() {
        String manager = TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
        UUID unknown = UUID.randomUUID();
        as(manager, null).when().get("/api/v1/meetings/" + unknown)
                .then().statusCode(404).header("Content-Language", "nl").body("detail", equalTo("Bijeenkomst " + unknown + " bestaat niet."));
        as(manager, "en").when().get("/api/v1/meetings/" + unknown)
                .then().statusCode(404).header("Content-Language", "en").body("detail", equalTo("Meeting " + unknown + " does not exist."));

        as(manager, null).body(MEETING).when().post("/api/v1/meetings")
                .then().statusCode(400).header("Content-Language", "nl").body("invalidParams.reason", hasItem("moet na startsAt liggen"));
        as(manager, "en").body(MEETING).when().post("/api/v1/meetings")
                .then().statusCode(400).header("Content-Language", "en").body("invalidParams.reason", hasItem("must be after startsAt"));

        as(manager, null).queryParam("projectId", "WION").when().get("/api/v1/activities")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("detail", equalTo("Het verzoek is ongeldig: projectId moet een UUID zijn."));
        as(manager, "en").queryParam("type", "gossip").when().get("/api/v1/activities")
                .then().statusCode(400).header("Content-Language", "en")
                .body("detail", startsWith("The request is not valid: type must be one of ["));

        String user = "taal-" + UUID.randomUUID();
        String subscriber = TestTokens.withRoles(user, Roles.MUNICIPALITY_COORDINATOR);
        String subscription = """
                {"name": "Anna", "email": "%s@example.org", "role": "secretary", "municipalityCode": "GM1931",
                 "follows": "everything", "delivery": "per-event"}""".formatted(user);
        String location = as(subscriber, null).body(subscription).when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().header("Location");
        as(subscriber, null).body(subscription).when().post("/api/v1/subscriptions")
                .then().statusCode(409).header("Content-Language", "nl")
                .body("detail", equalTo("U hebt al een abonnement voor " + user + "@example.org."));
        as(subscriber, "en").body(subscription).when().post("/api/v1/subscriptions")
                .then().statusCode(409).header("Content-Language", "en")
                .body("detail", equalTo("You already have a subscription for " + user + "@example.org."));
        String path = location.substring(location.indexOf("/api/v1/"));
        as(subscriber, null).body(subscription).when().put(path)
                .then().statusCode(428).header("Content-Language", "nl").body("title", equalTo("Voorwaarde vereist"));
        as(subscriber, "en").header("If-Match", "*").body(subscription).when().put(path)
                .then().statusCode(428).header("Content-Language", "en").body("detail", startsWith("If-Match: * is not accepted"));
    }
}
