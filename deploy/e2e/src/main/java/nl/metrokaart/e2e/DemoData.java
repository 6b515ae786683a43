package nl.metrokaart.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the Krimpenerwaard demo programme into a running stack through the gateway's public API, as the
 * programme manager would: the programme, its twelve projects with milestones and dependencies, their status
 * history, the five municipalities and the first meetings. Demo data never ships inside a service.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;

    private DemoData(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    public static void load(Stack stack, Path demoDirectory) {
        DemoData demo = new DemoData(stack.gateway().baseUrl(),
                stack.keycloak().passwordGrant("swagger-ui", null, "admin", "admin"));
        demo.programme(read(demoDirectory.resolve("programme.json")));
        read(demoDirectory.resolve("municipalities.json")).forEach(m -> demo.post("/api/v1/municipalities", m));
        read(demoDirectory.resolve("meetings.json")).forEach(m -> demo.post("/api/v1/meetings", m));
    }

    private void programme(JsonNode demo) {
        String programmeId = post("/api/v1/programmes", demo.get("programme")).get("id").asText();
        Map<String, String> projectIds = new HashMap<>();
        for (JsonNode project : demo.get("projects")) {
            ObjectNode body = project.deepCopy();
            body.remove(java.util.List.of("milestones", "dependsOn", "statuses"));
            body.put("programmeId", programmeId);
            String projectId = post("/api/v1/projects", body).get("id").asText();
            projectIds.put(project.get("code").asText(), projectId);
            for (JsonNode milestone : project.path("milestones")) {
                post("/api/v1/projects/" + projectId + "/milestones", milestone);
            }
        }
        for (JsonNode project : demo.get("projects")) {
            String projectId = projectIds.get(project.get("code").asText());
            for (JsonNode link : project.path("dependsOn")) {
                ObjectNode body = link.deepCopy();
                body.remove("code");
                body.put("predecessorId", projectIds.get(link.get("code").asText()));
                post("/api/v1/projects/" + projectId + "/dependencies", body);
            }
        }
        // In file order, so that predecessors are realised before their successors start.
        for (JsonNode project : demo.get("projects")) {
            String projectId = projectIds.get(project.get("code").asText());
            for (JsonNode status : project.path("statuses")) {
                ObjectNode change = JSON.createObjectNode()
                        .put("status", status.asText())
                        .put("explanation", "Steering committee: " + project.get("code").asText() + " is " + status.asText() + ".");
                post("/api/v1/projects/" + projectId + "/status-changes", change);
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data file unreadable: " + file, e);
        }
    }

    private JsonNode post(String path, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Loading demo data failed: POST " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Loading demo data failed: POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }
}
