package nl.metrokaart.newsletter.subscription;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;

/** Creates subscriptions through the API, each with a fresh address, for tests that need subscribers. */
public final class TestSubscriptions {

    private TestSubscriptions() {
    }

    /** A fresh address no other test uses. */
    public static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
    }

    public static String body(String name, String email, String role, String follows, String projectIds, String delivery) {
        return """
                {"name":"%s","email":"%s","municipalityCode":"GM1931","role":"%s","follows":"%s",%s"delivery":"%s"}"""
                .formatted(name, email, role, follows, projectIds == null ? "" : "\"projectIds\":[" + projectIds + "],", delivery);
    }

    /**
     * Subscribes {@code email} (owned by a user of that name, so it is their own address: active at once) and
     * returns the new subscription's id.
     */
    public static String subscribe(String email, String role, String follows, String projectIds, String delivery) {
        return subscribe(email, role, follows, projectIds, delivery, "nl");
    }

    /** As {@link #subscribe(String, String, String, String, String)}, for mails in {@code language}. */
    public static String subscribe(String email, String role, String follows, String projectIds, String delivery, String language) {
        String location = given().auth().oauth2(TestTokens.withRoles(email, Roles.SECRETARY)).contentType("application/json")
                .body(body("Subscriber " + email, email, role, follows, projectIds, delivery)
                        .replace("}", ",\"language\":\"" + language + "\"}"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
