package nl.metrokaart.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions every Metrokaart service keeps, checked against the running service: a subclass annotated
 * {@code @QuarkusTest} names one of its protected collection paths, the role that may not write there and a
 * valid request body.
 */
public abstract class ServiceConventionsTest {

    /** A protected collection path, e.g. {@code /api/v1/programmes}. */
    protected abstract String protectedCollection();

    /** A role that may read the collection but not create in it. */
    protected abstract String readOnlyRole();

    @Test
    void healthIsUpWithDatabaseAndKafkaChecks() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void openApiDocumentIsServedAnonymouslyWithApiVersion() {
        given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .header("API-Version", equalTo("1.0.0"))
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3."))
                .body("servers[0].url", equalTo("/api/v1"))
                .body("info.contact.email", notNullValue());
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "test-request-42").when().get("/q/health/live")
                .then().header("X-Request-Id", equalTo("test-request-42"));
        given().header("X-Request-Id", "bad id\r\ninjected").when().get("/q/health/live")
                .then().header("X-Request-Id", not(equalTo("bad id\r\ninjected")))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void withoutTokenTheApiAnswers401ProblemJson() {
        given().when().get(protectedCollection())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("API-Version", equalTo("1.0.0"))
                .body("status", equalTo(401))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void the401IsDutchByDefaultAndEnglishOnRequest() {
        given().when().get(protectedCollection())
                .then().statusCode(401).header("Content-Language", "nl")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Niet aangemeld"))
                .body("detail", equalTo("Voor deze resource is een geldig bearer-token nodig."));
        given().header("Accept-Language", "en-GB, nl;q=0.5").when().get(protectedCollection())
                .then().statusCode(401).header("Content-Language", "en")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("A valid bearer token is required for this resource."));
        given().auth().oauth2("not-a-token").header("Accept-Language", "en").when().get(protectedCollection())
                .then().statusCode(401).header("Content-Language", "en")
                .body("detail", startsWith("The bearer token is not valid"));
    }

    /**
     * Every text bundle of the service and the platform (problem texts, Bean Validation messages, texts for people)
     * has the same keys in Dutch and English: a text added in one language only would show the other language's
     * reader the default.
     */
    @Test
    void everyTextBundleHasEveryKeyInBothLanguages() throws IOException {
        List<String> bundles = new ArrayList<>(List.of("nl/metrokaart/platform/problem/problems",
                "ContributorValidationMessages"));
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "the service's classes are in " + classes.toAbsolutePath());
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith("_nl.properties"))
                    .forEach(name -> bundles.add(name.substring(0, name.length() - "_nl.properties".length())));
        }
        for (String bundle : bundles) {
            assertEquals(keys(bundle + "_nl.properties"), keys(bundle + "_en.properties"),
                    bundle + ": the keys of _nl and _en");
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " exists");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void requestIdsWithColonsAreKeptAsTheGatewayKeepsThem() {
        // The gateway passes ids of [A-Za-z0-9][A-Za-z0-9._:-]{0,127}; the service must keep the same ones, or the
        // gateway's and the service's log lines of one request no longer correlate.
        given().header("X-Request-Id", "trace:42:a.b-c_d").when().get("/q/health/live")
                .then().header("X-Request-Id", equalTo("trace:42:a.b-c_d"));
        given().header("X-Request-Id", ":starts-with-colon").when().get("/q/health/live")
                .then().header("X-Request-Id", not(equalTo(":starts-with-colon")));
    }

    @Test
    void aTokenIssuedForAnotherAudienceIs401() {
        // Valid signature, issuer and roles, but issued for another client of the realm.
        for (String audience : List.of("account", "some-other-service")) {
            given().auth().oauth2(TestTokens.forAudience(audience, "admin", "admin"))
                    .when().get(protectedCollection())
                    .then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.withRoles("admin", "admin")).when().get(protectedCollection())
                .then().statusCode(200);
    }

    @Test
    void withAnInvalidTokenTheApiAnswers401ProblemJson() {
        given().auth().oauth2("not.a.token").when().get(protectedCollection())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void withoutTheNeededRoleTheApiAnswers403ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("reader", readOnlyRole()))
                .contentType("application/json").body("{}")
                .when().post(protectedCollection())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", notNullValue());
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("admin", "admin"))
                .contentType("application/json").body("{\"name\": ")
                .when().post(protectedCollection())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    /**
     * Every list in the OpenAPI document pages with cursor and limit, and a page size that is not a whole number
     * from 1 to 100 is a 400 naming limit, whatever the rest of the request (path ids are made up: the size is
     * checked first).
     */
    @Test
    void everyListRefusesAnInvalidPageSizeWith400NamingLimit() {
        JsonPath openApi = given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        // Paths are relative to the server URL (/api/v1, or absolute behind the gateway).
        String base = URI.create(openApi.getString("servers[0].url")).getPath();
        List<String> lists = paths.entrySet().stream()
                .filter(path -> path.getValue().get("get") instanceof Map<?, ?> get && queryParameters(get).contains("limit"))
                .map(Map.Entry::getKey).sorted().toList();
        assertFalse(lists.isEmpty(), "the service has lists");
        String token = TestTokens.withRoles("conventions", "admin");
        for (String path : lists) {
            assertTrue(queryParameters((Map<?, ?>) paths.get(path).get("get")).contains("cursor"), path + " has a cursor");
            String url = base + path.replace("{municipalityCode}", "GM0610").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String limit : List.of("ten", "0", "101", "1.5")) {
                given().auth().oauth2(token).queryParam("limit", limit).log().ifValidationFails().when().get(url)
                        .then().log().ifValidationFails().statusCode(400)
                        .contentType("application/problem+json")
                        .body("invalidParams.name", hasItem("limit"));
            }
        }
    }

    private static List<String> queryParameters(Map<?, ?> operation) {
        Object parameters = operation.get("parameters");
        if (!(parameters instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(p -> p instanceof Map<?, ?> map && "query".equals(map.get("in")))
                .map(p -> (String) ((Map<?, ?>) p).get("name")).toList();
    }

    /**
     * A valid value for a path parameter (e.g. an id that exists), so generated bodies reach the service's own
     * rules; null for a made-up one.
     */
    protected String pathValue(String name) {
        return null;
    }

    /**
     * Bad input generated from the service's OpenAPI document (see {@link BadInput}) is refused with 4xx
     * problem+json carrying API-Version, never 5xx, and none of it is stored: every collection a client creates in
     * holds as many items after as before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void badInputGeneratedFromTheOpenApiDocumentIsRefusedAndStoresNothing() {
        Map<String, Object> document = given().when().get("/api/v1/openapi.json").then().statusCode(200)
                .extract().as(Map.class);
        String base = "http://localhost:" + io.restassured.RestAssured.port + "/api/v1";
        String token = TestTokens.withRoles("bad-input", "admin");
        // Probes first: generating them may create what the path values name.
        List<BadInput.Probe> probes = new BadInput(document, this::pathValue).probes();
        Map<String, Integer> before = collectionSizes(document, token);
        List<String> failures = BadInput.run(probes, base, token, true);
        assertTrue(failures.isEmpty(), failures.size() + " of " + probes.size() + " bad requests were not refused with 4xx problem+json:\n"
                + String.join("\n", failures.subList(0, Math.min(80, failures.size()))));
        org.junit.jupiter.api.Assertions.assertEquals(before, collectionSizes(document, token), "nothing was stored");
    }

    /** The number of items in each collection clients create in (a path with a POST and a paged GET). */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> collectionSizes(Map<String, Object> document, String token) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (path.contains("{") || !item.containsKey("post") || !(item.get("get") instanceof Map<?, ?> get)
                    || !queryParameters(get).contains("limit")) {
                return;
            }
            int size = 0;
            String cursor = null;
            do {
                var request = given().auth().oauth2(token).queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when().get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
                size += page.getList("items").size();
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            sizes.put(path, size);
        });
        return sizes;
    }

    @Test
    void unknownRouteIs404ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("admin", "admin"))
                .when().get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", notNullValue());
    }
}
