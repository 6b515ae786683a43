package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.keycloak;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.infra.GatewaySettings;
import nl.metrokaart.infra.NginxGateway;
import nl.metrokaart.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security model with the real Keycloak and nginx: tokens per service audience, calendar feeds that die with
 * their owner's account, one front-office identity per municipality, links from the configured public base URL,
 * request ids that correlate, and gateway logs that never hold a calendar key.
 */
@ExtendWith(RunningStack.class)
class SecurityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String anyProgramme() {
        return given().baseUri(gateway()).auth().oauth2(user("programme-manager")).when().get("/api/v1/programmes")
                .then().statusCode(200).extract().path("[0].id");
    }

    private static Response newFeed(String token, String programmeId) {
        return given().baseUri(gateway()).auth().oauth2(token).contentType("application/json")
                .body(Map.of("programmeId", programmeId))
                .when().post("/api/v1/calendar-feeds").then().statusCode(201).extract().response();
    }

    @Test
    void aTokenKeycloakIssuedForAnotherClientIsRefusedByEveryService() throws Exception {
        // The same demo administrator, once through a client of the realm that is not meant for the APIs.
        String foreign = keycloak().passwordGrant("admin-cli", null, "admin", "admin");
        assertFalse(claims(foreign).path("aud").toString().contains("-service"), claims(foreign).toString());
        String own = keycloak().passwordGrant("swagger-ui", null, "admin", "admin");
        List<String> audiences = new ArrayList<>();
        claims(own).path("aud").forEach(a -> audiences.add(a.asText()));
        assertTrue(audiences.containsAll(List.of("programme-service", "municipality-service", "newsletter-service")),
                "audiences: " + audiences);
        for (String path : List.of("/api/v1/programmes", "/api/v1/municipalities", "/api/v1/meetings")) {
            given().baseUri(gateway()).auth().oauth2(foreign).when().get(path)
                    .then().statusCode(401).contentType("application/problem+json");
            given().baseUri(gateway()).auth().oauth2(own).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void aCalendarFeedStopsWorkingWhenItsOwnerIsDisabledInKeycloak() {
        String admin = keycloak().adminToken();
        String username = "secretary-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().baseUri(keycloak().adminApiUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@vlist.example.nl",
                        "emailVerified", true, "firstName", "Tijdelijke", "lastName", "Secretaris",
                        "attributes", Map.of("municipality", List.of("GM0623")),
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                .when().post("/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        try {
            Map<String, Object> secretary = given().baseUri(keycloak().adminApiUrl()).auth().oauth2(admin)
                    .when().get("/roles/secretary").then().statusCode(200).extract().as(Map.class);
            given().baseUri(keycloak().adminApiUrl()).auth().oauth2(admin).contentType("application/json")
                    .body(List.of(secretary)).when().post("/users/" + userId + "/role-mappings/realm")
                    .then().statusCode(204);

            String calendarUrl = newFeed(user(username), anyProgramme()).path("calendarUrl");
            given().when().get(calendarUrl).then().statusCode(200);

            setEnabled(admin, userId, false);
            given().when().get(calendarUrl).then().statusCode(404).contentType("application/problem+json");
            // It is the account's state that counts: enabled again, the same address works again.
            setEnabled(admin, userId, true);
            given().when().get(calendarUrl).then().statusCode(200);
        } finally {
            given().baseUri(keycloak().adminApiUrl()).auth().oauth2(admin).when().delete("/users/" + userId)
                    .then().statusCode(204);
        }
    }

    private static void setEnabled(String admin, String userId, boolean enabled) {
        given().baseUri(keycloak().adminApiUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("enabled", enabled)).when().put("/users/" + userId).then().statusCode(204);
    }

    @Test
    void oneMunicipalitysFrontOfficeCannotSeeOrDeleteAnothersFeedsAndWebhooks() throws Exception {
        String schoonhoven = keycloak().clientCredentials("front-office-schoonhoven", "front-office-schoonhoven-secret");
        String bergambacht = keycloak().clientCredentials("front-office-bergambacht", "front-office-bergambacht-secret");
        assertEquals("GM0610", claims(schoonhoven).path("municipality").asText());
        assertEquals("GM0491", claims(bergambacht).path("municipality").asText());

        String feedId = newFeed(schoonhoven, anyProgramme()).path("id");
        given().baseUri(gateway()).auth().oauth2(bergambacht).when().get("/api/v1/calendar-feeds/" + feedId)
                .then().statusCode(404);
        given().baseUri(gateway()).auth().oauth2(bergambacht).when().get("/api/v1/calendar-feeds")
                .then().statusCode(200).body("items.id", not(hasItem(feedId)));
        given().baseUri(gateway()).auth().oauth2(bergambacht).when().post("/api/v1/calendar-feeds/" + feedId + "/key-rotation")
                .then().statusCode(404);
        given().baseUri(gateway()).auth().oauth2(bergambacht).when().delete("/api/v1/calendar-feeds/" + feedId)
                .then().statusCode(404);
        given().baseUri(gateway()).auth().oauth2(schoonhoven).when().get("/api/v1/calendar-feeds/" + feedId)
                .then().statusCode(200);

        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String webhookId = given().baseUri(gateway()).auth().oauth2(schoonhoven).contentType("application/json")
                    .body(Map.of("callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                            "eventTypes", List.of("nl.metrokaart.programme.milestone-missed")))
                    .when().post("/api/v1/webhook-subscriptions")
                    .then().statusCode(201).body("owner", equalTo("front-office-schoonhoven")).extract().path("id");
            given().baseUri(gateway()).auth().oauth2(bergambacht).when().get("/api/v1/webhook-subscriptions/" + webhookId)
                    .then().statusCode(404);
            given().baseUri(gateway()).auth().oauth2(bergambacht).when().get("/api/v1/webhook-subscriptions")
                    .then().statusCode(200).body("items.id", not(hasItem(webhookId)));
            given().baseUri(gateway()).auth().oauth2(bergambacht).when().delete("/api/v1/webhook-subscriptions/" + webhookId)
                    .then().statusCode(404);
            given().baseUri(gateway()).auth().oauth2(schoonhoven).when().delete("/api/v1/webhook-subscriptions/" + webhookId)
                    .then().statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void linksComeFromThePublicBaseUrlWhateverHostTheClientSends() {
        Response created = given().baseUri(gateway()).auth().oauth2(user("secretary-vlist")).contentType("application/json")
                .header("Host", "evil.example.org").header("X-Forwarded-Host", "evil.example.org")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example.org;proto=https")
                .body(Map.of("programmeId", anyProgramme()))
                .when().post("/api/v1/calendar-feeds").then().statusCode(201).extract().response();
        assertTrue(created.header("Location").startsWith(gateway() + "/api/v1/calendar-feeds/"), created.header("Location"));
        assertTrue(created.<String>path("calendarUrl").startsWith(gateway() + "/api/v1/calendar-feeds/"),
                created.<String>path("calendarUrl"));
    }

    @Test
    void aRequestIdWithColonsIsTheSameInTheGatewayAndTheServiceLog() throws Exception {
        String requestId = "e2e:trace:" + System.nanoTime();
        given().baseUri(gateway()).auth().oauth2(user("secretary-vlist")).header("X-Request-Id", requestId)
                .when().get("/api/v1/programmes/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", equalTo(requestId));
        // Both logs are written after the response has gone out, so the client may read them a moment too early.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertTrue(Files.readString(RunningStack.stack().service(Stack.Service.PROGRAMME).log()).contains(requestId),
                    "programme-service logs the gateway's request id " + requestId);
            assertTrue(Files.readString(RunningStack.stack().gateway().accessLog())
                    .contains("\"request_id\":\"" + requestId + "\""), "the gateway logs " + requestId);
        });
    }

    @Test
    void neitherGatewayLogHoldsACalendarKeyOrATokenAndHstsFollowsTheTlsBaseUrl() throws Exception {
        // A gateway of its own: programme-service behind it is down (502) and the limit is tight (429), the two
        // refusals whose error-log lines would carry the request line; its public base URL is https.
        Stack stack = RunningStack.stack();
        try (NginxGateway tls = NginxGateway.start(Stack.repositoryRoot().resolve("deploy/gateway"),
                Stack.repositoryRoot().resolve("deploy/e2e/target/stack/tls-gateway"),
                GatewaySettings.builder()
                        .programmePort(Ports.free())
                        .municipalityPort(stack.service(Stack.Service.MUNICIPALITY).port())
                        .newsletterPort(stack.service(Stack.Service.NEWSLETTER).port())
                        .keycloakUrl("http://localhost:" + keycloak().port())
                        .ratePerSecond(1).rateBurst(1)
                        .publicBaseUrl("https://metrokaart.example.nl")
                        .build())) {
            String key = "calendar-key-" + UUID.randomUUID();
            String otherKey = "other-key-" + UUID.randomUUID();
            String token = "bearer-token-" + UUID.randomUUID();
            String poll = "/api/v1/calendar-feeds/" + UUID.randomUUID() + "/calendar?key=" + key;
            given().baseUri(tls.baseUrl()).auth().oauth2(token).when().get(poll)
                    .then().statusCode(502).contentType("application/problem+json");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(given().baseUri(tls.baseUrl()).when().get(poll).then()
                        .contentType("application/problem+json").extract().statusCode());
            }
            assertTrue(statuses.contains(429), "a poll beyond the limit is 429: " + statuses);
            Thread.sleep(3000);
            // Elsewhere a failure is logged as usual (so the log is looked at, not empty), a key= masked in access.
            given().baseUri(tls.baseUrl()).auth().oauth2(token).when().get("/api/v1/programmes?cursor=x&key=" + otherKey)
                    .then().statusCode(502);
            given().baseUri(tls.baseUrl()).when().get("/healthz").then().statusCode(200)
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

            // nginx writes a request's log lines after its response, so wait until the last request's are there.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                String errorLog = Files.readString(tls.runDirectory().resolve("nginx.log"));
                String accessLog = Files.readString(tls.accessLog());
                assertTrue(errorLog.contains("connect() failed") && errorLog.contains("/api/v1/programmes"), errorLog);
                assertTrue(accessLog.contains("\"status\":429") && accessLog.contains("\"status\":502"), accessLog);
                assertTrue(accessLog.contains("key=(masked)"), accessLog);
            });
            String errorLog = Files.readString(tls.runDirectory().resolve("nginx.log"));
            String accessLog = Files.readString(tls.accessLog());
            assertFalse(errorLog.contains("/calendar"), "no calendar poll in the error log:\n" + errorLog);
            for (String secret : List.of(key, otherKey, token)) {
                assertFalse(accessLog.contains(secret), "access log holds " + secret + ":\n" + accessLog);
            }
            assertFalse(errorLog.contains(token), "error log holds the token:\n" + errorLog);
        }
        // Served over plain http, the shared gateway sends no HSTS.
        given().baseUri(gateway()).when().get("/healthz").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }
}
