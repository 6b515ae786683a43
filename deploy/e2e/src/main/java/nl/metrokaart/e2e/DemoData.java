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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.metrokaart.infra.Readiness;

/**
 * Loads the Krimpenerwaard demo programme into a running stack through the gateway's public API, as the
 * programme manager would: the programme, its twelve projects with milestones and dependencies, their status
 * history, the five municipalities and the first meetings. Before that, the five municipal secretaries subscribe
 * (key milestones, weekly digest) and the programme manager too (key milestones, per event), each with their own
 * login, so that the demo's meeting invitations and key-milestone mails land in the stack's mail directory.
 * Last comes the governance: the programme decisions (uniform or variants allowed), each municipality's
 * participations and variant choices (entered by its own coordinator) and the cost-sharing keys, once
 * municipality-service has learnt the projects from programme-service's events.
 * Demo data never ships inside a service.
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
        JsonNode programme = read(demoDirectory.resolve("programme.json"));
        JsonNode municipalities = read(demoDirectory.resolve("municipalities.json"));
        demo.subscriptions(stack, programme, municipalities);
        Map<String, String> projectIds = demo.programme(programme);
        municipalities.forEach(m -> demo.post("/api/v1/municipalities", m));
        read(demoDirectory.resolve("meetings.json")).forEach(m -> demo.post("/api/v1/meetings", m));
        demo.governance(stack, read(demoDirectory.resolve("governance.json")), projectIds, municipalities);
    }

    /**
     * Decisions first (a variant is refused where the decision in force is uniform), then what each municipality's
     * coordinator registers for it, then the allocation keys, which municipality-service applies to the participants.
     */
    private void governance(Stack stack, JsonNode governance, Map<String, String> projectIds, JsonNode municipalities) {
        awaitProjectsKnownToMunicipalityService(projectIds.values());
        for (JsonNode decision : governance.get("decisions")) {
            post("/api/v1/decisions", withProjectId(decision, projectIds));
        }
        for (JsonNode municipality : municipalities) {
            String code = municipality.get("code").asText();
            String coordinator = stack.keycloak().passwordGrant("swagger-ui", null,
                    "coordinator-" + municipality.get("name").asText().toLowerCase(Locale.ROOT), "demo");
            for (JsonNode participation : governance.path("participations").path(code)) {
                post("/api/v1/municipalities/" + code + "/participations", withProjectId(participation, projectIds), coordinator);
            }
            for (JsonNode choice : governance.path("variantChoices").path(code)) {
                post("/api/v1/municipalities/" + code + "/variant-choices", withProjectId(choice, projectIds), coordinator);
            }
        }
        for (JsonNode key : governance.get("allocationKeys")) {
            ObjectNode body = key.deepCopy();
            String projectId = projectIds.get(body.remove("projectCode").asText());
            send("PUT", "/api/v1/allocation-keys/" + projectId, body, token);
        }
    }

    /** The project read model is filled from Kafka: wait until harmonisation lists every demo project. */
    private void awaitProjectsKnownToMunicipalityService(Collection<String> projectIds) {
        Readiness.await("municipality-service's read model of the demo projects", Duration.ofSeconds(60), () -> {
            Set<String> known = new HashSet<>();
            get("/api/v1/harmonisation").get("projects").forEach(p -> known.add(p.get("projectId").asText()));
            return known.containsAll(projectIds);
        });
    }

    /** The demo file names a project by code; the API by id. */
    private static ObjectNode withProjectId(JsonNode item, Map<String, String> projectIds) {
        ObjectNode body = item.deepCopy();
        String code = body.remove("projectCode").asText();
        String projectId = projectIds.get(code);
        if (projectId == null) {
            throw new IllegalStateException("governance.json names project " + code + ", which programme.json lacks");
        }
        return body.put("projectId", projectId);
    }

    /**
     * The secretary of each municipality (demo login {@code secretary-<municipality>}) follows the key milestones in
     * a weekly digest; the programme manager gets each key-milestone activity as it happens.
     */
    private void subscriptions(Stack stack, JsonNode programme, JsonNode municipalities) {
        for (JsonNode municipality : municipalities) {
            String name = municipality.get("name").asText().toLowerCase(Locale.ROOT);
            ObjectNode subscription = JSON.createObjectNode()
                    .put("name", municipality.get("municipalSecretary").asText())
                    .put("email", "secretary-" + name + "@" + name + ".example.nl")
                    .put("municipalityCode", municipality.get("code").asText())
                    .put("role", "secretary")
                    .put("follows", "key-milestones")
                    .put("delivery", "weekly-digest");
            post("/api/v1/subscriptions", subscription,
                    stack.keycloak().passwordGrant("swagger-ui", null, "secretary-" + name, "demo"));
        }
        ObjectNode manager = JSON.createObjectNode()
                .put("name", programme.get("programme").get("programmeManager").asText())
                .put("email", "programme-manager@metrokaart.example.nl")
                .put("role", "programme-manager")
                .put("follows", "key-milestones")
                .put("delivery", "per-event");
        post("/api/v1/subscriptions", manager,
                stack.keycloak().passwordGrant("swagger-ui", null, "programme-manager", "demo"));
    }

    /** Loads the programme and answers each project's id by its code. */
    private Map<String, String> programme(JsonNode demo) {
        String programmeId = post("/api/v1/programmes", demo.get("programme")).get("id").asText();
        Map<String, String> projectIds = new HashMap<>();
        for (JsonNode project : demo.get("projects")) {
            ObjectNode body = project.deepCopy();
            body.remove(List.of("milestones", "dependsOn", "statuses"));
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
                        .put("explanation", "Vastgesteld in de stuurgroep.");
                post("/api/v1/projects/" + projectId + "/status-changes", change);
            }
        }
        return projectIds;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data file unreadable: " + file, e);
        }
    }

    private JsonNode post(String path, JsonNode body) {
        return post(path, body, token);
    }

    private JsonNode post(String path, JsonNode body, String bearer) {
        return send("POST", path, body, bearer);
    }

    private JsonNode get(String path) {
        return send("GET", path, null, token);
    }

    private JsonNode send(String method, String path, JsonNode body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Authorization", "Bearer " + bearer);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Loading demo data failed: " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Loading demo data failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }
}
