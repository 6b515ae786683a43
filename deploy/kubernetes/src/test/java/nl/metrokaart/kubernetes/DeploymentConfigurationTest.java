package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service's Deployment matches the service's configuration (platform defaults plus its application.properties):
 * port, health probes, metrics, the variables it reads, its own database.
 */
class DeploymentConfigurationTest {

    static final List<String> OVERLAYS = GeneratedManifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void portsProbesAndMetricsAreThoseOfTheServicesConfiguration(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            JsonNode deployment = rendered.get("Deployment", name);
            JsonNode container = Services.container(deployment);
            int httpPort = Integer.parseInt(service.require("quarkus.http.port"));
            boolean management = Boolean.parseBoolean(service.valueOr("quarkus.management.enabled", "false"));
            int healthPort = management ? Integer.parseInt(service.valueOr("quarkus.management.port", "9000")) : httpPort;
            assertTrue(container.path("ports").findValues("containerPort").stream().anyMatch(p -> p.asInt() == httpPort),
                    name + " exposes quarkus.http.port " + httpPort);

            String nonApplicationRoot = "/" + service.valueOr("quarkus.http.non-application-root-path", "q").replaceAll("^/+|/+$", "");
            String health = nonApplicationRoot + "/" + service.valueOr("quarkus.smallrye-health.root-path", "health").replaceAll("^/+|/+$", "");
            probe(name, container, "readinessProbe", health + "/" + service.valueOr("quarkus.smallrye-health.readiness-path", "ready"), healthPort);
            probe(name, container, "livenessProbe", health + "/" + service.valueOr("quarkus.smallrye-health.liveness-path", "live"), healthPort);
            probe(name, container, "startupProbe", health + "/" + service.valueOr("quarkus.smallrye-health.startup-path", "started"), healthPort);

            assertEquals("true", service.valueOr("quarkus.micrometer.export.prometheus.enabled", "true"));
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertEquals("true", annotations.path("prometheus.io/scrape").asText(), name + " is scraped");
            assertEquals(String.valueOf(management ? healthPort : httpPort), annotations.path("prometheus.io/port").asText(), name + " metrics port");
            assertEquals(nonApplicationRoot + "/" + service.valueOr("quarkus.micrometer.export.prometheus.path", "metrics"),
                    annotations.path("prometheus.io/path").asText(), name + " metrics path");

            JsonNode kubernetesService = rendered.get("Service", name);
            JsonNode servicePort = kubernetesService.path("spec").path("ports").get(0);
            assertEquals(httpPort, servicePort.path("port").asInt(), name + " Service port (the gateway's upstream)");
            assertEquals(httpPort, Services.port(container, servicePort.path("targetPort")).orElseThrow()
                    .path("containerPort").asInt(), name + " Service targets the HTTP port");
            assertTrue(Services.selects(kubernetesService.path("spec").path("selector").isEmpty() ? null
                            : Rendered.YAML.createObjectNode().set("matchLabels", kubernetesService.path("spec").path("selector")),
                    Services.podLabels(deployment)), name + " Service selects its pods");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableAServiceGetsIsOneItsConfigurationReadsAndEveryLocalDefaultIsReplaced(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> kafkaClientProperties = new TreeSet<>(ProducerConfig.configNames());
        kafkaClientProperties.addAll(ConsumerConfig.configNames());
        kafkaClientProperties.addAll(AdminClientConfig.configNames());
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            Map<String, String> environment = Services.environment(rendered, Services.container(rendered.get("Deployment", name)));
            Set<String> read = service.variables();
            List<String> unread = new ArrayList<>();
            for (String variable : environment.keySet()) {
                boolean kafkaClient = variable.startsWith("KAFKA_")
                        && kafkaClientProperties.contains(variable.substring(6).toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
                boolean propertyKey = service.keys().stream().anyMatch(key -> environmentName(key).equals(variable));
                // Read by the image's launcher and the C library, not by the service's configuration.
                boolean jvm = GeneratedManifests.serviceJvmEnvironment().containsKey(variable);
                if (!read.contains(variable) && !kafkaClient && !propertyKey && !jvm) {
                    unread.add(variable);
                }
            }
            assertEquals(List.of(), unread, name + " gets variables its configuration does not read");
            for (String buildTime : service.buildTimeVariables()) {
                assertTrue(!environment.containsKey(buildTime), name + ": " + buildTime
                        + " is read when the image is built; in the Deployment it only earns a warning");
            }
            for (String key : service.keys()) {
                if (ServiceConfiguration.isBuildTime(key)) {
                    continue;
                }
                String raw = service.raw(key).orElseThrow();
                service.variableOf(key).ifPresent(variable -> {
                    if (raw.contains("localhost") || raw.contains("127.0.0.1") || key.startsWith("quarkus.datasource.")) {
                        assertTrue(environment.containsKey(variable),
                                name + ": " + key + " would use its local default (" + raw + "); set " + variable);
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceRunsWithTheJvmSettingsOfTheLocalRun(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, String> jvm = GeneratedManifests.serviceJvmEnvironment();
        assertEquals(nl.metrokaart.infra.ServiceJvm.GARBAGE_COLLECTOR, jvm.get("GC_CONTAINER_OPTIONS"));
        assertEquals(String.join(" ", nl.metrokaart.infra.ServiceJvm.MEMORY), jvm.get("JAVA_OPTS_APPEND"));
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            Map<String, String> environment = Services.environment(rendered, Services.container(rendered.get("Deployment", name)));
            jvm.forEach((variable, value) -> assertEquals(value, environment.get(variable), name + ": " + variable));
            nl.metrokaart.infra.ServiceJvm.ENVIRONMENT.forEach((variable, value) ->
                    assertEquals(value, environment.get(variable), name + ": " + variable));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theLinksServicesHandOutStartWithTheGatewaysPublicAddress(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String publicUrl = GeneratedManifests.environment(Rendered.root(), overlay).getProperty("public.gateway.url");
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            service.variableOf("metrokaart.public-base-url").ifPresent(variable -> assertEquals(publicUrl,
                    Services.environment(rendered, Services.container(rendered.get("Deployment", name))).get(variable),
                    name + " public base URL"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceUsesItsOwnDatabaseOnly(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> clustersInUse = new TreeSet<>();
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            Map<String, String> environment = Services.environment(rendered, Services.container(rendered.get("Deployment", name)));
            String url = environment.get(service.variableOf("quarkus.datasource.jdbc.url").orElseThrow());
            URI uri = URI.create(url.substring("jdbc:".length()));
            assertTrue(uri.getHost().endsWith("-rw"), name + " writes to its cluster's primary: " + url);
            String cluster = uri.getHost().substring(0, uri.getHost().length() - "-rw".length());
            JsonNode database = rendered.get("Cluster", cluster);
            assertEquals(database.path("spec").path("bootstrap").path("initdb").path("database").asText(), uri.getPath().substring(1),
                    name + " uses the database its cluster creates");
            assertEquals("secret:" + cluster + "-app/username",
                    environment.get(service.variableOf("quarkus.datasource.username").orElseThrow()), name + " database user");
            assertEquals("secret:" + cluster + "-app/password",
                    environment.get(service.variableOf("quarkus.datasource.password").orElseThrow()), name + " database password");
            assertTrue(clustersInUse.add(cluster), cluster + " is used by two services");
            assertEquals("true", service.valueOr("quarkus.flyway.migrate-at-start", "false"), name + " migrates at start");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theSuitesPodsRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), Rendered.describe(deployment) + " runAsNonRoot");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), Rendered.describe(deployment) + " needs no API token");
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode container : containers) {
                String what = Rendered.describe(deployment) + " container " + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), what + " readOnlyRootFilesystem");
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), what + " allowPrivilegeEscalation");
                assertEquals("ALL", security.path("capabilities").path("drop").path(0).asText(), what + " drops all capabilities");
                assertTrue(container.path("resources").path("requests").has("memory"), what + " requests memory");
                assertTrue(container.path("resources").path("limits").has("memory"), what + " limits memory");
            }
        }
        for (ServiceConfiguration service : Services.all()) {
            JsonNode deployment = rendered.get("Deployment", service.require("quarkus.application.name"));
            JsonNode tmp = Services.container(deployment).path("volumeMounts").findParents("mountPath").stream()
                    .filter(m -> "/tmp".equals(m.path("mountPath").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(Rendered.describe(deployment) + " mounts no /tmp"));
            JsonNode volume = deployment.path("spec").path("template").path("spec").path("volumes").findParents("name").stream()
                    .filter(v -> v.path("name").asText().equals(tmp.path("name").asText())).findFirst().orElseThrow();
            assertTrue(volume.has("emptyDir"), Rendered.describe(deployment) + " /tmp is an emptyDir");
        }
    }

    private static void probe(String name, JsonNode container, String kind, String path, int port) {
        JsonNode probe = container.path(kind).path("httpGet");
        assertEquals(path, probe.path("path").asText(), name + " " + kind + " path");
        assertEquals(port, Services.port(container, probe.path("port")).map(p -> p.path("containerPort").asInt())
                .orElse(probe.path("port").asInt()), name + " " + kind + " port");
    }

    /** The environment variable Quarkus maps to a property key (MicroProfile Config's rule). */
    private static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
