package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What production needs beyond dev: replicas, budgets, autoscaling, sizes, spread, backups, isolation, no demo. */
class ProductionOverlayTest {

    private static final Rendered PRODUCTION = Rendered.overlay("production");
    private static final Rendered DEV = Rendered.overlay("dev");

    @Test
    void everyDeploymentRunsTwoOrMoreReplicasWithABudgetAnAutoscalerSizesAndSpread() {
        for (JsonNode deployment : PRODUCTION.ofKind("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode labels = Services.podLabels(deployment);
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, name + " replicas");
            assertTrue(PRODUCTION.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(pdb -> Services.selects(pdb.path("spec").path("selector"), labels)
                            && pdb.path("spec").path("maxUnavailable").asInt(0) == 1), name + " has a disruption budget");
            JsonNode autoscaler = PRODUCTION.get("HorizontalPodAutoscaler", name);
            assertEquals(name, autoscaler.path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(autoscaler.path("spec").path("minReplicas").asInt() >= 2, name + " autoscaler minimum");
            assertTrue(autoscaler.path("spec").path("maxReplicas").asInt() > autoscaler.path("spec").path("minReplicas").asInt());
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertTrue(container.path("resources").path(bound).has(resource), name + " " + bound + " " + resource);
                    }
                }
            }
            Set<String> spread = new TreeSet<>();
            pod.path("topologySpreadConstraints").forEach(constraint -> {
                assertTrue(Services.selects(constraint.path("labelSelector"), labels), name + " spread selects its pods");
                spread.add(constraint.path("topologyKey").asText());
            });
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), spread, name + " spreads over nodes and zones");
        }
        assertEquals(Set.of("programme-service", "municipality-service", "newsletter-service", "gateway"),
                names(PRODUCTION.ofKind("Deployment")));
        JsonNode keycloak = PRODUCTION.ofKind("Keycloak").get(0);
        assertTrue(keycloak.path("spec").path("instances").asInt() >= 2, "Keycloak instances");
        assertTrue(keycloak.path("spec").path("resources").path("limits").has("memory"), "Keycloak limits");
        assertTrue(keycloak.path("spec").path("scheduling").path("topologySpreadConstraints").toString()
                .contains("kubernetes.io/hostname"), "Keycloak instances spread over nodes");
    }

    @Test
    void devRunsOneOfEverything() {
        DEV.ofKind("Deployment").forEach(d -> assertEquals(1, d.path("spec").path("replicas").asInt(), Rendered.describe(d)));
        DEV.ofKind("Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt(), Rendered.describe(c)));
        assertEquals(1, DEV.ofKind("KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt()).sum());
        assertTrue(DEV.ofKind("HorizontalPodAutoscaler").isEmpty() && DEV.ofKind("NetworkPolicy").isEmpty());
    }

    @Test
    void kafkaRunsThreeControllersAndThreeBrokersAndKeepsEveryPartitionThreeTimes() {
        int controllers = 0;
        int brokers = 0;
        for (JsonNode pool : PRODUCTION.ofKind("KafkaNodePool")) {
            List<String> roles = new ArrayList<>();
            pool.path("spec").path("roles").forEach(role -> roles.add(role.asText()));
            int replicas = pool.path("spec").path("replicas").asInt();
            controllers += roles.contains("controller") ? replicas : 0;
            brokers += roles.contains("broker") ? replicas : 0;
        }
        assertEquals(3, controllers, "KRaft controllers");
        assertEquals(3, brokers, "brokers");
        JsonNode config = PRODUCTION.ofKind("Kafka").get(0).path("spec").path("kafka").path("config");
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
        PRODUCTION.ofKind("KafkaTopic").forEach(t -> assertEquals(3, t.path("spec").path("replicas").asInt(), Rendered.describe(t)));
    }

    @Test
    void everyDatabaseRunsThreeInstancesBackedUpToTheOneConfiguredObjectStore() throws IOException {
        JsonNode settings = Rendered.parse(Files.readString(GeneratedManifests.overlayDirectory(Rendered.root(), "production")
                .resolve("backup-settings.yaml"))).get(0);
        String destination = settings.path("data").path("destinationPath").asText();
        assertTrue(destination.matches("(s3|gs|https)://.+"), "backup destination " + destination);
        Set<String> scheduled = new TreeSet<>();
        PRODUCTION.ofKind("ScheduledBackup").forEach(b -> scheduled.add(b.path("spec").path("cluster").path("name").asText()));
        for (JsonNode cluster : PRODUCTION.ofKind("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            assertEquals(3, cluster.path("spec").path("instances").asInt(), name + " instances");
            assertEquals(destination, cluster.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText(),
                    name + " backs up to backup-settings' destination");
            assertTrue(scheduled.contains(name), name + " has a ScheduledBackup");
            // Every replica of the service may fill its pool: the connections must fit.
            PRODUCTION.ofKind("Deployment").stream()
                    .filter(d -> Services.environment(PRODUCTION, Services.container(d)).values().stream()
                            .anyMatch(v -> v.contains("//" + name + "-rw:")))
                    .forEach(d -> {
                        ServiceConfiguration service = ServiceConfiguration.of(Rendered.root(), d.path("metadata").path("name").asText());
                        int pool = Integer.parseInt(service.valueOr("quarkus.datasource.jdbc.max-size", "20"));
                        int replicas = PRODUCTION.get("HorizontalPodAutoscaler", d.path("metadata").path("name").asText())
                                .path("spec").path("maxReplicas").asInt();
                        int maxConnections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);
                        assertTrue(replicas * pool <= maxConnections - 10, name + ": " + replicas + " replicas x " + pool
                                + " connections exceed max_connections " + maxConnections + " less 10 for the operator and replication");
                    });
        }
        assertFalse(PRODUCTION.ofKind("ConfigMap").stream().anyMatch(c -> c.path("metadata").path("name").asText().equals("backup-settings")),
                "backup-settings is local to kustomize");
    }

    @Test
    void productionHasNoDemoUserNoFixedSecretAndNoStartDev() {
        String text = Rendered.kustomize(Rendered.kubernetesDirectory().resolve("overlays/production"));
        assertFalse(text.contains("start-dev"), "production never runs Keycloak in development mode");
        assertTrue(PRODUCTION.ofKind("Secret").isEmpty(), "no Secret is committed: operators and the cluster's operator make them");
        JsonNode realm = PRODUCTION.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "not a service account: " + user.path("username"));
            assertFalse(user.has("credentials"), user.path("username") + " has credentials");
        }
        JsonNode placeholders = PRODUCTION.ofKind("KeycloakRealmImport").get(0).path("spec").path("placeholders");
        Map<String, String> serviceOfClient = new HashMap<>();
        Map<String, String> variableOfClient = new HashMap<>();
        for (ServiceConfiguration service : Services.all()) {
            service.clientSecretVariables().forEach((client, variable) -> {
                serviceOfClient.put(client, service.require("quarkus.application.name"));
                variableOfClient.put(client, variable);
            });
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (serviceOfClient.containsKey(id)) {
                // A client a service authenticates as: the secret both get from one Secret, never from the repository.
                String variable = variableOfClient.get(id);
                assertEquals("${" + variable + "}", client.path("secret").asText(), id + " secret is a placeholder");
                JsonNode secret = placeholders.path(variable).path("secret");
                assertEquals("secret:" + secret.path("name").asText() + "/" + secret.path("key").asText(),
                        Services.environment(PRODUCTION, Services.container(PRODUCTION.get("Deployment", serviceOfClient.get(id))))
                                .get(variable), serviceOfClient.get(id) + " reads the Secret the realm import gives " + id);
                continue;
            }
            assertFalse(client.has("secret"), id + " has a fixed secret");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false), id + " allows the password grant");
            client.path("redirectUris").forEach(uri -> assertTrue(uri.asText().startsWith("https://"), id + " redirect " + uri));
        }
        assertEquals("external", realm.path("sslRequired").asText());
        String realmText = realm.toString();
        assertFalse(realmText.contains("localhost") || realmText.contains("127.0.0.1"), "production realm mentions loopback");
        // Keycloak is told where it is reached, as the gateway's configuration was rendered for.
        String keycloakUrl = GeneratedManifests.environment(Rendered.root(), "production").getProperty("public.keycloak.url");
        assertEquals(keycloakUrl, PRODUCTION.ofKind("Keycloak").get(0).path("spec").path("hostname").path("hostname").asText());
    }

    @Test
    void theDevRealmImportIsTheRealmFileItself() throws IOException {
        JsonNode realm = Rendered.YAML.readTree(Rendered.root().resolve("deploy/keycloak/realm-metrokaart.json").toFile());
        assertEquals(realm, DEV.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm"));
        JsonNode production = PRODUCTION.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        assertEquals(realm.path("roles"), production.path("roles"), "production keeps the realm's roles");
        assertEquals(realm.path("clients").size(), production.path("clients").size(), "production keeps the realm's clients");
    }

    @Test
    void tlsEndsAtTheIngressWhichReachesOnlyTheGatewayAndKeycloak() {
        JsonNode ingress = PRODUCTION.ofKind("Ingress").get(0);
        Set<String> hosts = new TreeSet<>();
        ingress.path("spec").path("tls").forEach(tls -> tls.path("hosts").forEach(h -> hosts.add(h.asText())));
        Set<String> backends = new TreeSet<>();
        Set<String> ruleHosts = new TreeSet<>();
        ingress.path("spec").path("rules").forEach(rule -> {
            ruleHosts.add(rule.path("host").asText());
            rule.path("http").path("paths").forEach(p -> backends.add(p.path("backend").path("service").path("name").asText()));
        });
        assertEquals(ruleHosts, hosts, "every host is served over TLS");
        assertEquals(Set.of("gateway", "keycloak-service"), backends);
        var environment = GeneratedManifests.environment(Rendered.root(), "production");
        assertTrue(hosts.contains(java.net.URI.create(environment.getProperty("public.gateway.url")).getHost()));
        assertTrue(hosts.contains(java.net.URI.create(environment.getProperty("public.keycloak.url")).getHost()));
        assertEquals("0", ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText(),
                "the Ingress leaves the body limit to the gateway (gateway.max-body), which refuses with problem+json");
    }

    @Test
    void networkPoliciesLetOnlyTheGatewayReachTheServicesAndEachServiceOnlyItsOwnDatabase() {
        List<JsonNode> policies = PRODUCTION.ofKind("NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                        && p.path("spec").path("policyTypes").toString().contains("Ingress") && !p.path("spec").has("ingress")),
                "a default deny of all ingress");
        JsonNode gateway = Services.podLabels(PRODUCTION.get("Deployment", "gateway"));
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            JsonNode labels = Services.podLabels(PRODUCTION.get("Deployment", name));
            List<JsonNode> selecting = policies.stream().filter(p -> Services.selects(p.path("spec").path("podSelector"), labels)).toList();
            assertTrue(selecting.stream().anyMatch(p -> p.path("spec").path("policyTypes").toString().contains("Egress")),
                    name + " egress is restricted");
            for (JsonNode policy : selecting) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            assertTrue(Services.selects(peer.path("podSelector"), gateway), name + " admits pods other than the gateway: " + peer);
                        }
                    }
                }
            }
            for (ServiceConfiguration other : Services.all()) {
                if (other == service) {
                    continue;
                }
                JsonNode otherLabels = Services.podLabels(PRODUCTION.get("Deployment", other.require("quarkus.application.name")));
                assertFalse(admits(policies, labels, otherLabels), name + " admits " + other.module());
                assertFalse(egressAllows(selecting, otherLabels), name + " may connect to " + other.module());
            }
            String ownCluster = Services.environment(PRODUCTION, Services.container(PRODUCTION.get("Deployment", name)))
                    .get(service.variableOf("quarkus.datasource.jdbc.url").orElseThrow()).replaceAll("^jdbc:postgresql://([^:/]+)-rw.*$", "$1");
            for (JsonNode cluster : PRODUCTION.ofKind("Cluster")) {
                String clusterName = cluster.path("metadata").path("name").asText();
                JsonNode databasePod = Rendered.YAML.createObjectNode().put("cnpg.io/cluster", clusterName);
                assertEquals(clusterName.equals(ownCluster), egressAllows(selecting, databasePod),
                        name + " egress to " + clusterName);
                assertEquals(clusterName.equals(ownCluster), admits(policies, databasePod, labels),
                        clusterName + " admits " + name);
            }
            JsonNode broker = Rendered.YAML.createObjectNode().put("strimzi.io/cluster", "metrokaart").put("strimzi.io/broker-role", "true");
            JsonNode keycloak = Rendered.YAML.createObjectNode().put("app", "keycloak");
            assertTrue(egressAllows(selecting, broker), name + " reaches the Kafka brokers");
            assertTrue(egressAllows(selecting, keycloak), name + " reaches Keycloak");
            assertTrue(admits(policies, keycloak, labels), "Keycloak admits " + name);
        }
    }

    @Test
    void keycloaksDatabaseAdmitsKeycloakAndItsRealmImportJob() {
        List<JsonNode> policies = PRODUCTION.ofKind("NetworkPolicy");
        String instance = PRODUCTION.ofKind("Keycloak").get(0).path("metadata").path("name").asText();
        JsonNode database = Rendered.YAML.createObjectNode().put("cnpg.io/cluster",
                PRODUCTION.ofKind("Keycloak").get(0).path("spec").path("db").path("host").asText().replaceAll("-rw$", ""));
        // The Keycloak operator's labels: its server pods, and the realm import Job's pods (app relabelled).
        for (String app : List.of("keycloak", "keycloak-realm-import")) {
            JsonNode pod = Rendered.YAML.createObjectNode().put("app", app)
                    .put("app.kubernetes.io/managed-by", "keycloak-operator").put("app.kubernetes.io/instance", instance);
            assertTrue(admits(policies, database, pod), "Keycloak's database admits " + app);
        }
        for (JsonNode deployment : PRODUCTION.ofKind("Deployment")) {
            assertFalse(admits(policies, database, Services.podLabels(deployment)), "Keycloak's database admits " + Rendered.describe(deployment));
        }
    }

    /** Whether some ingress rule of a policy selecting the target pods admits pods with these labels (same namespace). */
    private static boolean admits(List<JsonNode> policies, JsonNode target, JsonNode source) {
        return policies.stream().filter(p -> Services.selects(p.path("spec").path("podSelector"), target))
                .flatMap(p -> stream(p.path("spec").path("ingress")))
                .anyMatch(rule -> !rule.has("from") || stream(rule.path("from"))
                        .anyMatch(peer -> peer.has("podSelector") && !peer.has("namespaceSelector")
                                && Services.selects(peer.path("podSelector"), source)));
    }

    private static boolean egressAllows(List<JsonNode> selecting, JsonNode destination) {
        return selecting.stream().flatMap(p -> stream(p.path("spec").path("egress")))
                .anyMatch(rule -> stream(rule.path("to")).anyMatch(peer -> peer.has("podSelector")
                        && !peer.has("namespaceSelector") && Services.selects(peer.path("podSelector"), destination)));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    private static Set<String> names(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(o.path("metadata").path("name").asText()));
        return names;
    }
}
