package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Kafka custom resources follow the services' AsyncAPI documents: a KafkaTopic for every topic, and for every
 * service a KafkaUser with exactly the ACLs its document needs; the services connect as those users.
 */
class KafkaContractTest {

    static final List<String> OVERLAYS = GeneratedManifests.OVERLAYS;
    private static final List<EventContracts> CONTRACTS = EventContracts.all(Rendered.root());

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfAnAsyncApiDocumentHasAKafkaTopicAndNoKafkaTopicIsUndocumented(String overlay) {
        Set<String> documented = new TreeSet<>();
        CONTRACTS.forEach(contract -> documented.addAll(contract.channelAddresses()));
        Rendered rendered = Rendered.overlay(overlay);
        String cluster = rendered.ofKind("Kafka").get(0).path("metadata").path("name").asText();
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : rendered.ofKind("KafkaTopic")) {
            declared.add(topicName(topic));
            assertEquals(cluster, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                    Rendered.describe(topic) + " belongs to the cluster");
            assertTrue(topic.path("spec").path("partitions").asInt() >= 1, Rendered.describe(topic) + " partitions");
            assertTrue(topic.path("spec").path("replicas").asInt() >= 1, Rendered.describe(topic) + " replicas");
            assertTrue(topic.path("spec").path("config").has("retention.ms"), Rendered.describe(topic) + " states its retention");
        }
        assertEquals(documented, declared, overlay + ": KafkaTopics versus the topics of the AsyncAPI documents");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKafkaUserHasExactlyTheAclsItsServicesDocumentNeeds(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> users = rendered.ofKind("KafkaUser").stream()
                .map(u -> u.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> services = CONTRACTS.stream().map(EventContracts::application)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(services, users, overlay + ": one KafkaUser per service with an AsyncAPI document");
        for (EventContracts contract : CONTRACTS) {
            JsonNode user = rendered.get("KafkaUser", contract.application());
            assertEquals("simple", user.path("spec").path("authorization").path("type").asText());
            assertEquals(expectedAcls(contract), acls(user), overlay + ": ACLs of " + contract.application()
                    + " (from " + Rendered.root().relativize(contract.document()) + ")");
        }
    }

    @Test
    void theTopicsAServiceConsumesAreTheOnesItsDocumentReceives() {
        for (EventContracts contract : CONTRACTS) {
            ServiceConfiguration configuration = ServiceConfiguration.of(Rendered.root(), contract.module());
            Set<String> consumed = new TreeSet<>();
            for (String key : configuration.keys()) {
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                    for (String topic : configuration.require(key).split(",")) {
                        consumed.add(topic.strip());
                    }
                }
            }
            assertEquals(contract.receives(), consumed, contract.module() + ": incoming channels versus its AsyncAPI receive operations");
            if (!consumed.isEmpty()) {
                String deadLetter = configuration.require("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic");
                assertTrue(contract.sends().contains(deadLetter), contract.module() + " documents its dead-letter topic " + deadLetter);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceConnectsOverTlsAsItsOwnKafkaUser(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        JsonNode kafka = rendered.ofKind("Kafka").get(0);
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
        assertEquals(1, kafka.path("spec").path("kafka").path("listeners").size(), "one listener, the clients'");
        assertTrue(listener.path("tls").asBoolean(), "the clients' listener uses TLS");
        assertEquals("scram-sha-512", listener.path("authentication").path("type").asText());
        String bootstrap = kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
        for (EventContracts contract : CONTRACTS) {
            ServiceConfiguration configuration = ServiceConfiguration.of(Rendered.root(), contract.module());
            JsonNode deployment = rendered.get("Deployment", contract.application());
            Map<String, String> environment = Services.environment(rendered, Services.container(deployment));
            String bootstrapVariable = configuration.variableOf("kafka.bootstrap.servers").orElseThrow();
            assertEquals(bootstrap, environment.get(bootstrapVariable), contract.application() + " bootstrap servers");
            assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL"));
            assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_MECHANISM"));
            assertEquals("secret:" + contract.application() + "/sasl.jaas.config", environment.get("KAFKA_SASL_JAAS_CONFIG"),
                    contract.application() + " authenticates with its own KafkaUser's credentials");
            assertTrue(listener.path("networkPolicyPeers").findValues("matchLabels").stream()
                            .anyMatch(labels -> Services.selects(
                                    Rendered.YAML.createObjectNode().set("matchLabels", labels), Services.podLabels(deployment))),
                    contract.application() + " pods are admitted by the listener's network policy");
        }
    }

    @Test
    void everyConsumedTopicHasAPartitionForEachReplicaTheAutoscalerMayStart() {
        Rendered production = Rendered.overlay("production");
        for (EventContracts contract : CONTRACTS) {
            int maxReplicas = production.get("HorizontalPodAutoscaler", contract.application())
                    .path("spec").path("maxReplicas").asInt();
            for (String topic : contract.receives()) {
                JsonNode kafkaTopic = production.ofKind("KafkaTopic").stream()
                        .filter(t -> topicName(t).equals(topic)).findFirst().orElseThrow();
                assertTrue(kafkaTopic.path("spec").path("partitions").asInt() >= maxReplicas,
                        topic + " has fewer partitions than " + contract.application() + " may have consumers (" + maxReplicas + ")");
            }
        }
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
    }

    /** Write on what it sends, Read on what it receives (Describe on both), Read on its consumer group. */
    private static Set<String> expectedAcls(EventContracts contract) {
        Set<String> acls = new TreeSet<>();
        contract.sends().forEach(topic -> {
            acls.add(acl("topic", topic, "Write"));
            acls.add(acl("topic", topic, "Describe"));
        });
        contract.receives().forEach(topic -> {
            acls.add(acl("topic", topic, "Read"));
            acls.add(acl("topic", topic, "Describe"));
        });
        if (!contract.receives().isEmpty()) {
            ServiceConfiguration configuration = ServiceConfiguration.of(Rendered.root(), contract.module());
            Set<String> groups = new TreeSet<>();
            configuration.value("mp.messaging.connector.smallrye-kafka." + ConsumerConfig.GROUP_ID_CONFIG).ifPresent(groups::add);
            configuration.keys().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id"))
                    .forEach(k -> groups.add(configuration.require(k)));
            assertTrue(!groups.isEmpty(), contract.module() + " consumes without a group.id");
            groups.forEach(group -> acls.add(acl("group", group, "Read")));
        }
        return acls;
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            String type = acl.path("type").asText("allow");
            String pattern = acl.path("resource").path("patternType").asText("literal");
            String host = acl.path("host").asText("*");
            for (JsonNode operation : acl.path("operations")) {
                acls.add(type + " " + acl.path("resource").path("type").asText() + ":" + pattern + ":"
                        + acl.path("resource").path("name").asText() + " " + operation.asText() + " from " + host);
            }
        }
        return acls;
    }

    private static String acl(String resourceType, String name, String operation) {
        return "allow " + resourceType + ":literal:" + name + " " + operation + " from *";
    }
}
