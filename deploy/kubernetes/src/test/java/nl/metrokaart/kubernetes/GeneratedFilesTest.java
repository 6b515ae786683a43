package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The overlays' generated files (gateway configuration, realm import) are what GeneratedManifests renders from
 * deploy/gateway, deploy/keycloak and the overlay's environment.properties. With -Dmetrokaart.generate=true the
 * test writes them instead (README, "Run on Kubernetes").
 */
class GeneratedFilesTest {

    static final java.util.List<String> OVERLAYS = GeneratedManifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void generatedFilesAreInSyncWithTheirSources(String overlay) throws IOException {
        Path root = Rendered.root();
        Path directory = GeneratedManifests.overlayDirectory(root, overlay);
        boolean generate = Boolean.getBoolean("metrokaart.generate");
        for (Map.Entry<String, String> file : GeneratedManifests.render(root, overlay).entrySet()) {
            Path committed = directory.resolve(file.getKey());
            if (generate) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, file.getValue());
            }
            assertEquals(file.getValue(), Files.exists(committed) ? Files.readString(committed) : "<missing>",
                    root.relativize(committed) + " is out of date: regenerate it (README, Run on Kubernetes)");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayRunsTheRenderedConfigurationAgainstTheServicesOfItsOverlay(String overlay) throws IOException {
        Rendered rendered = Rendered.overlay(overlay);
        Path directory = GeneratedManifests.overlayDirectory(Rendered.root(), overlay);
        String nginxConf = Files.readString(directory.resolve(GeneratedManifests.NGINX_CONF));
        JsonNode configMap = rendered.configMap("gateway-config");
        assertEquals(nginxConf, configMap.path("data").path("nginx.conf").asText(), "the ConfigMap carries generated/nginx.conf");
        assertEquals(Files.readString(directory.resolve(GeneratedManifests.SWAGGER_INITIALIZER)),
                configMap.path("data").path("swagger-initializer.js").asText());

        Set<String> upstreams = new TreeSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server ([^\\s:]+):([0-9]+) ").matcher(nginxConf);
        while (server.find()) {
            upstreams.add(server.group(1) + ":" + server.group(2));
        }
        Set<String> services = new TreeSet<>();
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            services.add(name + ":" + rendered.get("Service", name).path("spec").path("ports").get(0).path("port").asInt());
        }
        assertEquals(services, upstreams, "the gateway's upstreams are the services' Services");

        JsonNode pod = rendered.get("Deployment", "gateway").path("spec").path("template").path("spec");
        JsonNode nginx = pod.path("containers").get(0);
        assertTrue(nginxConf.contains("listen 0.0.0.0:" + nginx.path("ports").get(0).path("containerPort").asInt() + ";"),
                "nginx listens on the container port");
        assertTrue(nginx.path("command").toString().contains("/etc/metrokaart/gateway/nginx.conf"));
        assertTrue(nginxConf.contains("\"" + GeneratedManifests.GATEWAY_PREFIX + "/html\""), "Swagger UI from the run directory");
        assertTrue(pod.path("volumes").toString().contains(configMap.path("metadata").path("name").asText()),
                "the gateway mounts the generated ConfigMap");
    }
}
