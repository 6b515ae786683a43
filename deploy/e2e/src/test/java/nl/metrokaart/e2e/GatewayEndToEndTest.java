package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static nl.metrokaart.e2e.RunningStack.keycloak;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.metrokaart.infra.GatewaySettings;
import nl.metrokaart.infra.NginxGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The suite as a client sees it: real Keycloak tokens, the nginx gateway, the three services behind it. */
@ExtendWith(RunningStack.class)
class GatewayEndToEndTest {




    @Test
    void programmeManagerCreatesAProgrammeThroughTheGatewayAndAnIntegratorReadsIt() {
        String manager = user("programme-manager");
        String location = given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                .body("""
                        {"name": "EGEM e2e", "ambition": "One way of working.", "goals": [],
                         "startDate": "2009-01-01", "endDate": "2011-12-31", "programmeManager": "Petra de Vries",
                         "steeringCommittee": []}""")
                .when().post("/api/v1/programmes")
                .then().statusCode(201)
                .header("API-Version", "1.0.0")
                .header("X-Request-Id", notNullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        String integrator = keycloak().clientCredentials("integrator-client", "integrator-secret");
        given().baseUri(gateway()).auth().oauth2(integrator)
                .when().get("/api/v1/programmes/" + id)
                .then().statusCode(200)
                .body("name", equalTo("EGEM e2e"));
        given().baseUri(gateway()).auth().oauth2(integrator).contentType("application/json").body("{}")
                .when().post("/api/v1/programmes")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void everyServiceAnswersThroughTheGatewayWithARealToken() {
        String coordinator = user("coordinator-schoonhoven");
        for (String collection : List.of("/api/v1/programmes", "/api/v1/municipalities", "/api/v1/meetings")) {
            given().baseUri(gateway()).auth().oauth2(coordinator).header("X-Request-Id", "e2e-" + collection.length())
                    .when().get(collection)
                    .then().statusCode(200)
                    .header("API-Version", "1.0.0")
                    .header("X-Request-Id", "e2e-" + collection.length());
            given().baseUri(gateway())
                    .when().get(collection)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", notNullValue());
        }
    }

    @Test
    void requestIdReachesTheServiceLog() throws Exception {
        String requestId = "e2e-trace-" + System.nanoTime();
        given().baseUri(gateway()).auth().oauth2(user("secretary-vlist")).header("X-Request-Id", requestId)
                .when().get("/api/v1/programmes/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
        java.nio.file.Path log = RunningStack.stack().service(Stack.Service.PROGRAMME).log();
        assertTrue(java.nio.file.Files.readString(log).contains(requestId),
                "the programme service logs the gateway's request id");
    }

    @Test
    void swaggerUiListsTheThreeOpenApiDocuments() {
        given().baseUri(gateway()).when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"));
        String initializer = given().baseUri(gateway()).when().get("/swagger-initializer.js")
                .then().statusCode(200).extract().asString();
        for (String service : List.of("programme-service", "municipality-service", "newsletter-service")) {
            assertTrue(initializer.contains("/openapi/" + service + ".json"), "Swagger UI lists " + service);
            given().baseUri(gateway()).when().get("/openapi/" + service + ".json")
                    .then().statusCode(200)
                    .body("openapi", startsWith("3."))
                    .body("servers[0].url", equalTo("/api/v1"))
                    .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"));
        }
        assertTrue(initializer.contains("usePkceWithAuthorizationCodeGrant: true"));
    }

    @Test
    void theSwaggerUiClientLogsInWithPkceAtKeycloak() {
        // The Authorize button sends the browser to Keycloak's authorization endpoint with a PKCE challenge.
        String redirect = gateway().replace("127.0.0.1", "localhost") + "/oauth2-redirect.html";
        given().baseUri(keycloak().realmUrl()).redirects().follow(false)
                .queryParam("client_id", "swagger-ui")
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", redirect)
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .queryParam("scope", "openid")
                .when().get("/protocol/openid-connect/auth")
                .then().statusCode(200)
                .body(containsString("kc-form-login"));
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().baseUri(gateway()).auth().oauth2(user("programme-manager"))
                .contentType("application/json").body(big)
                .when().post("/api/v1/programmes")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", notNullValue());
    }

    @Test
    void floodingIs429ProblemJsonWithRateLimitHeadersPerClientAndADownServiceIs502() throws Exception {
        // A second gateway with a tight limit, so the shared one keeps serving the other tests.
        Stack stack = RunningStack.stack();
        try (NginxGateway strict = NginxGateway.start(Stack.repositoryRoot().resolve("deploy/gateway"),
                Stack.repositoryRoot().resolve("deploy/e2e/target/stack/strict-gateway"),
                GatewaySettings.builder()
                        .programmePort(stack.service(Stack.Service.PROGRAMME).port())
                        .municipalityPort(stack.service(Stack.Service.MUNICIPALITY).port())
                        .newsletterPort(nl.metrokaart.infra.Ports.free())
                        .keycloakUrl("http://localhost:" + keycloak().port())
                        .ratePerSecond(2).rateBurst(2)
                        .build())) {
            String flooder = integrator();
            String other = keycloak().clientCredentials("front-office-vlist", "front-office-vlist-secret");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String language = i % 2 == 0 ? "nl" : "en"; // every other caller asks for English
                calls.add(CompletableFuture.supplyAsync(() -> given().baseUri(strict.baseUrl()).auth().oauth2(flooder)
                        .header("Accept-Language", language.equals("en") ? "en-GB, en;q=0.8" : "nl-NL")
                        .header("X-Request-Id", "flood-" + language + "-" + UUID.randomUUID())
                        .when().get("/api/v1/municipalities"), pool));
            }
            List<Response> limited = calls.stream().map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 429).toList();
            pool.shutdown();
            assertTrue(!limited.isEmpty(), "some of 30 simultaneous calls are rate limited");
            Response first = limited.get(0);
            assertEquals("application/problem+json", first.contentType().split(";")[0]);
            assertEquals(429, first.jsonPath().getInt("status"));
            assertEquals("1", first.header("Retry-After"), "429 carries Retry-After");
            assertEquals("2", first.header("RateLimit-Limit"));
            assertEquals("0", first.header("RateLimit-Remaining"));
            assertEquals("1", first.header("RateLimit-Reset"));
            assertEquals("2;w=1;burst=2", first.header("RateLimit-Policy"));
            // The limit is per client (the token's azp): another client at the same address still gets through.
            given().baseUri(strict.baseUrl()).auth().oauth2(other).when().get("/api/v1/municipalities")
                    .then().statusCode(200)
                    .header("Retry-After", org.hamcrest.Matchers.nullValue());
            for (Response refusal : limited) {
                boolean english = refusal.header("X-Request-Id").startsWith("flood-en-");
                assertEquals(english ? "en" : "nl", refusal.header("Content-Language"));
                assertEquals(english ? "Too Many Requests" : "Te veel verzoeken", refusal.jsonPath().getString("title"));
            }

            // Every path of newsletter-service goes to its upstream, here down: 502 naming the service.
            Thread.sleep(1500);
            for (String path : List.of("/api/v1/activities", "/api/v1/newsletters/1", "/api/v1/meetings",
                    "/api/v1/subscriptions", "/api/v1/webhook-subscriptions/1/deliveries",
                    "/openapi/newsletter-service.json", "/asyncapi/newsletter-service.yaml")) {
                Thread.sleep(600); // within the strict rate of 2 a second
                given().baseUri(strict.baseUrl()).when().get(path)
                        .then().statusCode(502)
                        .contentType("application/problem+json")
                        .body("status", equalTo(502))
                        .body("detail", containsString("newsletter"));
            }
        }
    }

    @Test
    void theGatewaysOwnProblemsAreDutchByDefaultAndEnglishOnRequest() {
        given().baseUri(gateway()).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).header("Content-Language", "nl").header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Niet gevonden")).body("detail", equalTo("De gevraagde resource bestaat niet."));
        given().baseUri(gateway()).header("Accept-Language", "en-US,en;q=0.9,nl;q=0.5").when().get("/api/v1/no-such-thing")
                .then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not Found")).body("detail", equalTo("The requested resource does not exist."));
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().baseUri(gateway()).contentType("application/json").body(big).when().post("/api/v1/programmes")
                .then().statusCode(413).header("Content-Language", "nl").body("title", equalTo("Verzoek te groot"))
                .body("detail", startsWith("De body van het verzoek is groter dan de gateway aanvaardt"));
        given().baseUri(gateway()).header("Accept-Language", "en").contentType("application/json").body(big)
                .when().post("/api/v1/programmes")
                .then().statusCode(413).header("Content-Language", "en").body("title", equalTo("Content Too Large"));
        // What a service answers keeps the service's own Content-Language (one header, not two).
        Response passedThrough = given().baseUri(gateway()).header("Accept-Language", "en").when().get("/api/v1/programmes");
        assertEquals(401, passedThrough.statusCode());
        assertEquals(List.of("en"), passedThrough.headers().getValues("Content-Language"));
        assertEquals("Unauthorized", passedThrough.jsonPath().getString("title"));
    }

    @Test
    void unknownApiPathIs404ProblemJsonFromTheGateway() {
        given().baseUri(gateway()).when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void corsPreflightIsAnsweredForAnAllowedOrigin() {
        given().baseUri(gateway())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/v1/programmes")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void aRealTokenCarriesTheMunicipalityClaimAndRealmRoles() throws Exception {
        String token = user("coordinator-nederlek");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        var claims = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        assertEquals("GM0643", claims.get("municipality").asText());
        assertEquals(keycloak().realmUrl(), claims.get("iss").asText());
        List<String> roles = new ArrayList<>();
        claims.get("realm_access").get("roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.contains("municipality-coordinator"), "roles: " + roles);
    }

    /**
     * What the gateway answers itself is problem+json, also for requests nginx cannot parse: encoded traversal
     * out of the root is a 404 (it names nothing), a NUL in the path or an unsupported request form a 400. Before,
     * these got nginx's own HTML 500.
     */
    @Test
    void traversalAndMalformedRequestsGetProblemJsonFromTheGateway() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/openapi/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/v1/..%2F..%2F..%2Fetc%2Fpasswd", "/x/../../etc/passwd")) {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), path);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(answer.body().contains("\"status\":404"), path + ": " + answer.body());
        }
        for (String path : List.of("/a%00b", "/api/v1/projects%00")) {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), path);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), path);
        }
        java.net.URI uri = java.net.URI.create(gateway());
        for (String request : List.of("GET / HTTP/3.1\r\nHost: x\r\n\r\n",
                "POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")) {
            try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), request + " -> " + answer);
                assertTrue(answer.contains("Content-Type: application/problem+json"), request + " -> " + answer);
            }
        }
    }
}
