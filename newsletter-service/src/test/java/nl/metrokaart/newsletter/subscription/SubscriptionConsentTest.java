package nl.metrokaart.newsletter.subscription;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.newsletter.TestEvents.project;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.body;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.mail.MailRelay;
import nl.metrokaart.newsletter.mail.Mails;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Double opt-in for other people's addresses, and limits per owner. */
@QuarkusTest
class SubscriptionConsentTest {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("https://metrokaart.test(/api/v1/subscription-confirmations)\\?key=([0-9a-f]{64})");

    @Inject
    MailRelay relay;

    @Test
    void anotherPersonsAddressGetsNothingButTheConfirmationUntilItsOwnerConfirms() {
        String owner = address("owner");
        String colleague = address("colleague");
        String token = TestTokens.withRoles(owner, Roles.SECRETARY);
        given().auth().oauth2(token).contentType("application/json")
                .body(body("Owner", owner, "staff", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("active")).body("confirmedAt", org.hamcrest.Matchers.notNullValue())
                .body("language", equalTo("nl"));
        String id = given().auth().oauth2(token).contentType("application/json")
                .body(body("Collega", colleague, "staff", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("pending-confirmation")).body("confirmedAt", nullValue())
                .extract().path("id");

        UUID projectId = UUID.randomUUID();
        String code = "OPT-" + projectId.toString().substring(0, 4);
        try (TestEvents broker = new TestEvents()) {
            TestEvents.awaitActivities(List.of(broker.programme("project-created", projectId,
                    project(projectId, code, "Toestemming", "proposed", 0), Instant.now())));
        }
        relay.relay();
        Mails.awaitTo(owner, 1);
        List<MimeMessage> toColleague = Mails.awaitTo(colleague, 1);
        assertEquals(1, toColleague.size(), "only the confirmation request");
        MimeMessage request = toColleague.get(0);
        assertThat(Mails.subject(request), equalTo("[Metrokaart] Bevestig uw abonnement op Metrokaart"));
        assertThat(Mails.content(request), containsString("Beste Collega,"));
        Matcher link = CONFIRMATION_LINK.matcher(Mails.content(request));
        assertEquals(true, link.find(), Mails.content(request));

        // Looking changes nothing; the button (a POST) confirms.
        given().queryParam("key", link.group(2)).when().get(link.group(1))
                .then().statusCode(200).header("Content-Language", "nl").body(containsString("Bevestigen"));
        given().auth().oauth2(token).when().get("/api/v1/subscriptions/" + id).then().body("status", equalTo("pending-confirmation"));
        given().queryParam("key", link.group(2)).when().post(link.group(1))
                .then().statusCode(200).body(containsString("Uw abonnement is bevestigd"));
        given().auth().oauth2(token).when().get("/api/v1/subscriptions/" + id).then().body("status", equalTo("active"));
        given().queryParam("key", "0".repeat(64)).when().get(link.group(1)).then().statusCode(404);

        try (TestEvents broker = new TestEvents()) {
            TestEvents.awaitActivities(List.of(broker.programme("project-changed", projectId,
                    project(projectId, code, "Toestemming", "proposed", 1), Instant.now())));
        }
        relay.relay();
        assertThat(Mails.subject(Mails.awaitTo(colleague, 2).get(1)), containsString(code));
    }

    @Test
    void onePersonHoldsALimitedNumberOfSubscriptionsAndFewPendingOnes() {
        String owner = address("limits");
        String token = TestTokens.withRoles(owner, Roles.SECRETARY);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(body("Pending " + i, address("pending" + i), "staff", "everything", null, "weekly-digest"))
                    .when().post("/api/v1/subscriptions").then().statusCode(201);
        }
        given().auth().oauth2(token).contentType("application/json")
                .body(body("One too many", address("pending"), "staff", "everything", null, "weekly-digest"))
                .when().post("/api/v1/subscriptions").then().statusCode(409).contentType("application/problem+json")
                .body("limit", equalTo(3));
        // One's own address needs no confirmation, so it is not held back by the pending limit, but by the total.
        given().auth().oauth2(token).contentType("application/json")
                .body(body("Own", owner, "staff", "everything", null, "weekly-digest"))
                .when().post("/api/v1/subscriptions").then().statusCode(201).body("status", equalTo("active"));
    }
}
