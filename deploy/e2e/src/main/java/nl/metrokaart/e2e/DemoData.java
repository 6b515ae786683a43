package nl.metrokaart.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the Krimpenerwaard demo programme into a running stack through the gateway's public API, as the admin
 * would, so the demo exercises the same rules and events as real use. Demo data never ships in a service.
 */
public final class DemoData {

    /** Demo files in load order, each with the collection its entries are POSTed to. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("programme.json", "/api/v1/programmes");
        FILES.put("municipalities.json", "/api/v1/municipalities");
        FILES.put("meetings.json", "/api/v1/meetings");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    public static void load(Stack stack, Path demoDirectory) {
        String token = stack.keycloak().passwordGrant("swagger-ui", null, "admin", "admin");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        FILES.forEach((file, collection) -> {
            JsonNode content = read(demoDirectory.resolve(file));
            Iterable<JsonNode> entries = content.isArray() ? content : java.util.List.of(content);
            for (JsonNode entry : entries) {
                post(http, stack.gateway().baseUrl() + collection, token, entry);
            }
        });
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data file unreadable: " + file, e);
        }
    }

    private static void post(HttpClient http, String url, String token, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Loading demo data failed: POST " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Loading demo data failed: POST " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }
}
