package nl.metrokaart.newsletter.subscription;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import nl.metrokaart.platform.testing.Concurrently;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Many writers at once: one natural key has one winner, numbered creates all succeed, never 5xx. */
@QuarkusTest
class SubscriptionConcurrencyTest {

    @Test
    void parallelSubscriptionsOfOneAddressHaveOneWinner() {
        String email = TestSubscriptions.address("race");
        String token = TestTokens.withRoles(email, Roles.SECRETARY);
        List<Response> answers = Concurrently.send(8, i -> given().auth().oauth2(token).contentType("application/json")
                .body(TestSubscriptions.body("Writer " + i, i % 2 == 0 ? email : email.toUpperCase(), "secretary",
                        "key-milestones", null, "weekly-digest"))
                .when().post("/api/v1/subscriptions"));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + statuses);
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        answers.stream().filter(a -> a.statusCode() == 409)
                .forEach(a -> assertEquals("application/problem+json", a.contentType()));
        assertEquals(1, given().auth().oauth2(token).when().get("/api/v1/subscriptions").then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void parallelNewslettersAllGetNumbersOfTheirOwn() {
        String token = TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
        List<Response> answers = Concurrently.send(8, i -> given().auth().oauth2(token).contentType("application/json")
                .body("{\"periodStart\":\"2026-0" + (i + 1) + "-01\",\"periodEnd\":\"2026-0" + (i + 1) + "-28\"}")
                .when().post("/api/v1/newsletters"));
        assertEquals(Collections.nCopies(8, 201), Concurrently.statuses(answers));
        List<Integer> numbers = answers.stream().map(a -> a.jsonPath().getInt("number")).toList();
        assertEquals(8, new HashSet<>(numbers).size(), "unique numbers: " + numbers);
    }
}
