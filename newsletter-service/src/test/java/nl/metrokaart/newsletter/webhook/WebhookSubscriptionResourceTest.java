package nl.metrokaart.newsletter.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookSubscriptionResourceTest {

    static final String PATH = "/api/v1/webhook-subscriptions";
    static final String MISSED = "nl.metrokaart.programme.milestone-missed";

    static String integrator(String clientId) {
        return TestTokens.client(clientId, Roles.INTEGRATOR);
    }

    static String body(String url, String... types) {
        return "{\"callbackUrl\": \"" + url + "\", \"eventTypes\": [" + String.join(",",
                List.of(types).stream().map(t -> "\"" + t + "\"").toList()) + "], \"description\": \"Zaaksysteem\"}";
    }

    static ExtractableResponse<Response> register(String token, String url, String... types) {
        return given().auth().oauth2(token).contentType("application/json").body(body(url, types))
                .when().post(PATH).then().statusCode(201).extract();
    }

    @Test
    void registrationVerifiesTheEndpointWithASignedTestDeliveryAndHandsOutTheSecretOnce() throws Exception {
        String client = "crm-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(204)) {
            ExtractableResponse<Response> created = given().auth().oauth2(integrator(client)).contentType("application/json")
                    .body(body(receiver.url(), MISSED, MISSED, "nl.metrokaart.municipality.decision-recorded"))
                    .when().post(PATH)
                    .then().statusCode(201)
                    .header("Location", containsString(PATH + "/"))
                    .body("owner", equalTo(client))
                    .body("callbackUrl", equalTo(receiver.url()))
                    .body("eventTypes", equalTo(List.of(MISSED, "nl.metrokaart.municipality.decision-recorded")))
                    .body("enabled", is(true))
                    .body("consecutiveFailures", is(0))
                    .body("secret", matchesPattern("whsec_[A-Za-z0-9+/=]+"))
                    .extract();
            String secret = created.path("secret");
            assertThat(Base64.getDecoder().decode(secret.substring(6)).length >= 24, is(true));
            String id = created.path("id");

            assertThat(receiver.received, hasSize(1));
            WebhookReceiver.Received verification = receiver.received.get(0);
            assertEquals(WebhookReceiver.expectedSignature(secret, verification), verification.signature());
            assertEquals("application/cloudevents+json", verification.contentType());
            assertThat(verification.body(), containsString("\"type\":\"nl.metrokaart.newsletter.webhook-verification\""));
            assertThat(verification.body(), containsString("\"specversion\":\"1.0\""));
            assertThat(verification.body(), containsString(id));
            assertThat(Math.abs(Long.parseLong(verification.timestamp()) - System.currentTimeMillis() / 1000) < 60, is(true));

            given().auth().oauth2(integrator(client)).when().get(PATH + "/" + id)
                    .then().statusCode(200)
                    .header("ETag", notNullValue())
                    .body("id", equalTo(id))
                    .body("description", equalTo("Zaaksysteem"))
                    .body("secret", nullValue());
        }
    }

    @Test
    void aFailedVerificationStoresNothingAndTellsNothingAboutTheHostOrPort() throws Exception {
        // An answer that said what came back (a status, "could not connect", a time-out) would let any integrator
        // probe which hosts and ports answer: a refusing server and a closed port get the same generic answer.
        String client = "failing-" + UUID.randomUUID();
        String refusedDetail;
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            refusedDetail = given().auth().oauth2(integrator(client)).contentType("application/json").body(body(receiver.url(), MISSED))
                    .when().post(PATH)
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("callbackResponseStatus", nullValue())
                    .body("detail", not(containsString("500")))
                    .extract().path("detail");
            assertThat(receiver.received, hasSize(1));
        }
        String closed;
        try (WebhookReceiver gone = new WebhookReceiver(200)) {
            closed = gone.url();
        }
        given().auth().oauth2(integrator(client)).contentType("application/json").body(body(closed, MISSED))
                .when().post(PATH)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo(refusedDetail))
                .body("callbackResponseStatus", nullValue());
        given().auth().oauth2(integrator(client)).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void invalidRegistrationsAre400NamingTheField() throws Exception {
        String token = integrator("invalid-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            for (String[] wrong : new String[][] {
                    {body(receiver.url(), "nl.metrokaart.programme.project-archived"), "eventTypes"},
                    {body(receiver.url(), "milestone-missed"), "eventTypes"},
                    {"{\"callbackUrl\": \"" + receiver.url() + "\", \"eventTypes\": []}", "eventTypes"},
                    {"{\"callbackUrl\": \"" + receiver.url() + "\"}", "eventTypes"},
                    {body("ftp://127.0.0.1/hook", MISSED), "callbackUrl"},
                    {body("http://user:secret@127.0.0.1/hook", MISSED), "callbackUrl"},
                    {body("not a url", MISSED), "callbackUrl"},
                    {"{\"eventTypes\": [\"" + MISSED + "\"]}", "callbackUrl"}}) {
                given().auth().oauth2(token).contentType("application/json").body(wrong[0])
                        .when().post(PATH)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("status", is(400))
                        .body("invalidParams.name", hasItem(wrong[1]));
            }
            // Nothing was sent to the receiver for any of them: validation comes before verification.
            assertThat(receiver.received, hasSize(0));
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"callbackUrl\": ")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyIntegratorsAndAdminsAndOnlyWithAToken() {
        for (String role : List.of(Roles.SECRETARY, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR)) {
            String token = TestTokens.withRoles("someone", role);
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType("application/json").body(body("http://127.0.0.1:9/hook", MISSED))
                    .when().post(PATH).then().statusCode(403);
            given().auth().oauth2(token).when().get(PATH + "/" + UUID.randomUUID() + "/deliveries").then().statusCode(403);
        }
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body("http://127.0.0.1:9/hook", MISSED))
                .when().post(PATH).then().statusCode(401);
        given().when().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void anExistingSubscriptionIsClosedToOtherRolesAndToAnonymousCallers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(204)) {
            String id = register(integrator("closed-" + UUID.randomUUID()), receiver.url(), MISSED).path("id");
            String one = PATH + "/" + id;
            for (String role : List.of(Roles.SECRETARY, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR)) {
                String token = TestTokens.withRoles("someone", role);
                given().auth().oauth2(token).when().get(one).then().statusCode(403).contentType("application/problem+json");
                given().auth().oauth2(token).header("If-Match", "\"x\"").contentType("application/json")
                        .body(update(receiver.url(), false)).when().put(one).then().statusCode(403);
                given().auth().oauth2(token).when().delete(one).then().statusCode(403);
                given().auth().oauth2(token).when().get(one + "/deliveries").then().statusCode(403);
            }
            given().when().get(one).then().statusCode(401).contentType("application/problem+json");
            given().header("If-Match", "\"x\"").contentType("application/json").body(update(receiver.url(), false))
                    .when().put(one).then().statusCode(401);
            given().when().delete(one).then().statusCode(401);
            given().when().get(one + "/deliveries").then().statusCode(401);
            // Still there, unchanged.
            given().auth().oauth2(TestTokens.withRoles("root", Roles.ADMIN)).when().get(one)
                    .then().statusCode(200).body("enabled", is(true)).body("version", is(0));
        }
    }

    @Test
    void anIntegratorSeesOnlyItsOwnAndAdminsSeeAll() throws Exception {
        String mine = "mine-" + UUID.randomUUID();
        String theirs = "theirs-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String id = register(integrator(mine), receiver.url(), MISSED).path("id");
            String other = integrator(theirs);
            given().auth().oauth2(other).when().get(PATH + "/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(other).when().get(PATH + "/" + id + "/deliveries").then().statusCode(404);
            given().auth().oauth2(other).header("If-Match", "\"x\"").contentType("application/json")
                    .body(update(receiver.url(), true)).when().put(PATH + "/" + id).then().statusCode(404);
            given().auth().oauth2(other).when().delete(PATH + "/" + id).then().statusCode(404);
            given().auth().oauth2(other).when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));

            // The owner lists exactly its own.
            given().auth().oauth2(integrator(mine)).when().get(PATH)
                    .then().statusCode(200).body("items.id", equalTo(List.of(id))).body("items.owner", everyItem(equalTo(mine)));

            String admin = TestTokens.withRoles("root", Roles.ADMIN);
            given().auth().oauth2(admin).when().get(PATH + "/" + id).then().statusCode(200).body("owner", equalTo(mine));
            List<String> all = given().auth().oauth2(admin).when().get(PATH + "?limit=100").then().statusCode(200)
                    .extract().path("items.id");
            assertThat(all, hasItem(id));
            given().auth().oauth2(admin).when().get(PATH + "/" + id + "/deliveries").then().statusCode(200)
                    .body("items", hasSize(0));
        }
    }

    static String update(String url, boolean enabled) {
        return "{\"callbackUrl\": \"" + url + "\", \"eventTypes\": [\"" + MISSED + "\", "
                + "\"nl.metrokaart.programme.milestone-achieved\"], \"description\": \"changed\", \"enabled\": " + enabled + "}";
    }

    @Test
    void replaceNeedsIfMatchAndVerifiesAChangedUrl() throws Exception {
        String token = integrator("put-" + UUID.randomUUID());
        try (WebhookReceiver first = new WebhookReceiver(200); WebhookReceiver second = new WebhookReceiver(200);
                WebhookReceiver refusing = new WebhookReceiver(410)) {
            String id = register(token, first.url(), MISSED).path("id");
            String etag = given().auth().oauth2(token).when().get(PATH + "/" + id).then().extract().header("ETag");

            given().auth().oauth2(token).contentType("application/json").body(update(first.url(), false))
                    .when().put(PATH + "/" + id).then().statusCode(428).contentType("application/problem+json");
            given().auth().oauth2(token).header("If-Match", "\"stale\"").contentType("application/json")
                    .body(update(first.url(), false))
                    .when().put(PATH + "/" + id).then().statusCode(412).header("ETag", equalTo(etag));
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body(update(first.url(), true).replace(MISSED, "nl.metrokaart.programme.unheard-of"))
                    .when().put(PATH + "/" + id).then().statusCode(400).body("invalidParams.name", hasItem("eventTypes"));
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body("{\"callbackUrl\": \"" + first.url() + "\", \"eventTypes\": [\"" + MISSED + "\"]}")
                    .when().put(PATH + "/" + id).then().statusCode(400).body("invalidParams.name", hasItem("enabled"));
            // A new URL that does not accept the verification changes nothing.
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body(update(refusing.url(), true))
                    .when().put(PATH + "/" + id).then().statusCode(422).body("callbackResponseStatus", nullValue())
                    .body("detail", not(containsString("410")));
            // What came back is told to the owner only, in the subscription's delivery log.
            given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries").then().statusCode(200)
                    .body("items.find { it.eventType == 'nl.metrokaart.newsletter.webhook-verification' }.status", equalTo("failed"))
                    .body("items.find { it.eventType == 'nl.metrokaart.newsletter.webhook-verification' }.lastResponseStatus", is(410))
                    .body("items.find { it.eventType == 'nl.metrokaart.newsletter.webhook-verification' }.attemptLog[0].outcome",
                            equalTo("answered HTTP 410"));
            given().auth().oauth2(integrator("someone-else-" + UUID.randomUUID())).when().get(PATH + "/" + id + "/deliveries")
                    .then().statusCode(404);

            String changed = given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body(update(second.url(), false))
                    .when().put(PATH + "/" + id).then().statusCode(200)
                    .body("callbackUrl", equalTo(second.url()))
                    .body("eventTypes", hasSize(2))
                    .body("description", equalTo("changed"))
                    .body("enabled", is(false))
                    .body("disabledAt", notNullValue())
                    .body("version", is(1))
                    .extract().header("ETag");
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo(changed));
            given().auth().oauth2(token).header("If-None-Match", changed).when().get(PATH + "/" + id).then().statusCode(304);
            assertThat(second.received, hasSize(1));
            assertThat(first.received, hasSize(1));
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().body("callbackUrl", equalTo(second.url()));

            given().auth().oauth2(token).header("If-Match", "\"x\"").contentType("application/json")
                    .body(update(second.url(), true))
                    .when().put(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        }
    }

    @Test
    void aChangeMadeWhileANewUrlIsBeingVerifiedWinsAndTheVerifiedChangeGets412() throws Exception {
        String token = integrator("race-" + UUID.randomUUID());
        try (WebhookReceiver first = new WebhookReceiver(200)) {
            String id = register(token, first.url(), MISSED).path("id");
            String etag = given().auth().oauth2(token).when().get(PATH + "/" + id).then().extract().header("ETag");
            // The new endpoint, while being verified, lets another change with the same ETag go first. Were the
            // subscription locked during the verification, that change would wait for it instead.
            AtomicInteger meanwhile = new AtomicInteger();
            HttpServer racing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            racing.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                meanwhile.set(given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                        .body(update(first.url(), true).replace("\"changed\"", "\"meanwhile\""))
                        .when().put(PATH + "/" + id).statusCode());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            racing.start();
            try {
                String racingUrl = "http://127.0.0.1:" + racing.getAddress().getPort() + "/hook";
                given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                        .body(update(racingUrl, true))
                        .when().put(PATH + "/" + id).then().statusCode(412).contentType("application/problem+json");
            } finally {
                racing.stop(0);
            }
            assertEquals(200, meanwhile.get());
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(200)
                    .body("description", equalTo("meanwhile")).body("callbackUrl", equalTo(first.url()))
                    .body("version", is(1));
        }
    }

    @Test
    void deleteRemovesIt() throws Exception {
        String token = integrator("delete-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String id = register(token, receiver.url(), MISSED).path("id");
            given().auth().oauth2(token).when().delete(PATH + "/" + id).then().statusCode(204);
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(404);
            given().auth().oauth2(token).when().delete(PATH + "/" + id).then().statusCode(404);
            given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries").then().statusCode(404);
        }
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyRegistersOnce() throws Exception {
        String token = integrator("retry-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            ExtractableResponse<Response> first = given().auth().oauth2(token).header("Idempotency-Key", key)
                    .contentType("application/json").body(body(receiver.url(), MISSED))
                    .when().post(PATH).then().statusCode(201).extract();
            given().auth().oauth2(token).header("Idempotency-Key", key)
                    .contentType("application/json").body(body(receiver.url(), MISSED))
                    .when().post(PATH).then().statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .header("Location", equalTo(first.header("Location")))
                    .body("id", equalTo(first.path("id")))
                    // The secret was shown once; the stored answer does not keep it.
                    .body("secret", nullValue())
                    .body("secretNote", containsString("shown once"));
            given().auth().oauth2(token).header("Idempotency-Key", key)
                    .contentType("application/json").body(body(receiver.url(), "nl.metrokaart.programme.milestone-achieved"))
                    .when().post(PATH).then().statusCode(422).contentType("application/problem+json");
            assertThat(receiver.received, hasSize(1));
            given().auth().oauth2(token).when().get(PATH).then().body("items", hasSize(1));
        }
    }

    @Test
    void listsArePagedWithCursors() throws Exception {
        String token = integrator("pages-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String a = register(token, receiver.url(), MISSED).path("id");
            String b = register(token, receiver.url(), MISSED).path("id");
            String c = register(token, receiver.url(), MISSED).path("id");
            ExtractableResponse<Response> page1 = given().auth().oauth2(token).when().get(PATH + "?limit=2")
                    .then().statusCode(200).body("items.id", equalTo(List.of(a, b)))
                    .body("nextCursor", notNullValue()).extract();
            given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", page1.<String>path("nextCursor"))
                    .when().get(PATH).then().statusCode(200)
                    .body("items.id", equalTo(List.of(c)))
                    .body("nextCursor", nullValue());
        }
        for (String query : List.of("limit=0", "limit=101", "limit=two")) {
            given().auth().oauth2(token).when().get(PATH + "?" + query).then().statusCode(400)
                    .body("invalidParams.name", hasItem("limit"));
        }
        given().auth().oauth2(token).when().get(PATH + "?cursor=!!!").then().statusCode(400)
                .body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(token).when().get(PATH + "?cursor=bm90LWEtbnVtYmVy").then().statusCode(400)
                .body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(token).when().get(PATH + "/" + UUID.randomUUID() + "/deliveries?limit=0").then().statusCode(400);
    }
}
