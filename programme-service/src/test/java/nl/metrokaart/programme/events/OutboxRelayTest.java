package nl.metrokaart.programme.events;

import static nl.metrokaart.programme.Fixtures.moveTo;
import static nl.metrokaart.programme.Fixtures.programme;
import static nl.metrokaart.programme.Fixtures.project;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.metrokaart.platform.outbox.Outbox;
import nl.metrokaart.platform.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.outbox.OutboxEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Events reach Kafka as CloudEvents in the binary binding, in order per project, also across a Kafka outage; several
 * relays on one database publish each event once; an event Kafka refuses for good is parked and the rest flow on.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PostgresKafkaResource.broker().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        // Partitions are assigned directly (no consumer group), so a broker restart needs no rebalance.
        List<TopicPartition> partitions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.partitionsFor(ProgrammeEvents.PROJECTS_TOPIC).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static List<UUID> outboxIds(UUID projectId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "eventKey = ?1 order by position", projectId.toString()).stream().map(e -> e.eventId).toList());
    }

    /** Reads the topic until every expected id of the project was seen; returns the ids in arrival order. */
    private static List<ConsumerRecord<String, String>> readUntil(KafkaConsumer<String, String> consumer, UUID projectId,
                                                                  List<UUID> expected, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !ids.containsAll(expected.stream().map(UUID::toString).toList())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (projectId.toString().equals(record.key())) {
                    seen.add(record);
                    ids.add(header(record, "ce_id"));
                }
            }
        }
        return seen;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void eventsArePublishedAsCloudEventsKeyedByProject() {
        UUID projectId = project(programme(), "CE1");
        List<UUID> expected = outboxIds(projectId);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<ConsumerRecord<String, String>> records = readUntil(consumer, projectId, expected, Duration.ofSeconds(30));
            ConsumerRecord<String, String> created = records.get(0);
            assertEquals(expected.get(0).toString(), header(created, "ce_id"));
            assertEquals("1.0", header(created, "ce_specversion"));
            assertEquals(ProgrammeEvents.PROJECT_CREATED, header(created, "ce_type"));
            assertEquals("urn:nld:metrokaart:systeem:programme-service", header(created, "ce_source"));
            assertEquals("projects/" + projectId, header(created, "ce_subject"));
            assertTrue(header(created, "ce_time") != null, "ce_time is set");
            assertTrue(header(created, "content-type").startsWith("application/json"));
            assertTrue(created.value().replace(" ", "").contains("\"code\":\"CE1\""), created.value());
        }
    }

    @Test
    void whileKafkaIsDownTheApiAcceptsChangesAndTheEventsFollowInOrderOnce() throws InterruptedException {
        UUID projectId = project(programme(), "CE2");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            readUntil(consumer, projectId, outboxIds(projectId), Duration.ofSeconds(30));

            PostgresKafkaResource.broker().stop();
            try {
                moveTo(projectId, "planned", "in-progress", "at-risk", "in-progress");
                // Give the relay time to try and fail: the events must wait in the outbox, not get lost.
                Thread.sleep(3000);
                assertEquals(4L, unpublished(projectId));
            } finally {
                PostgresKafkaResource.broker().start();
            }

            List<UUID> all = outboxIds(projectId);
            List<UUID> written = all.subList(all.size() - 4, all.size());
            List<ConsumerRecord<String, String>> records = readUntil(consumer, projectId, written, Duration.ofSeconds(90));
            // Delivery is at least once; deduplicated by CloudEvents id, every event arrives once, in write order.
            List<String> firstArrivals = records.stream().map(r -> header(r, "ce_id")).distinct().toList();
            List<String> afterOutage = written.stream().map(UUID::toString).toList();
            assertEquals(afterOutage, firstArrivals);
            List<String> types = records.stream().filter(r -> afterOutage.contains(header(r, "ce_id")))
                    .map(r -> header(r, "ce_type")).distinct().toList();
            assertEquals(List.of(ProgrammeEvents.PROJECT_STATUS_CHANGED), types);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (unpublished(projectId) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(0L, unpublished(projectId));
    }

    @Test
    void severalRelaysOnOneDatabasePublishEachEventOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            written.add(QuarkusTransaction.requiringNew().call(() -> outbox.record(ProgrammeEvents.PROJECTS_TOPIC, key,
                    "nl.metrokaart.test.relay-race", "tests/" + key, Map.of("n", n))));
        }
        // Three relays at once besides the service's own (woken after each commit and polling): they share nothing
        // in this JVM but the database, as instances of one service do.
        ExecutorService relays = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                runs.add(relays.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        relay.publishBatch();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            relays.shutdownNow();
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<ConsumerRecord<String, String>> records = readAll(consumer, key, written, Duration.ofSeconds(30));
            List<String> ids = records.stream().map(r -> header(r, "ce_id")).toList();
            assertEquals(written.stream().map(UUID::toString).toList(), ids, "each event once, in written order");
        }
    }

    @Test
    void anEventKafkaRefusesForGoodIsParkedAndTheNextOnesAreDelivered() throws Exception {
        String key = UUID.randomUUID().toString();
        // Larger than the producer's max.request.size (1 MiB): Kafka refuses it, however often it is sent.
        String tooLarge = "x".repeat(1_200_000);
        UUID poison = QuarkusTransaction.requiringNew().call(() -> outbox.record(ProgrammeEvents.PROJECTS_TOPIC, key,
                "nl.metrokaart.test.poison", "tests/" + key, Map.of("text", tooLarge)));
        UUID next = QuarkusTransaction.requiringNew().call(() -> outbox.record(ProgrammeEvents.PROJECTS_TOPIC, key,
                "nl.metrokaart.test.after-poison", "tests/" + key, Map.of("n", 1)));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<ConsumerRecord<String, String>> records = readAll(consumer, key, List.of(next), Duration.ofSeconds(30));
            assertEquals(List.of(next.toString()), records.stream().map(r -> header(r, "ce_id")).toList());
        }
        OutboxEvent parked = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", poison)
                .firstResult());
        assertNotNull(parked.parkedAt, "parked");
        assertNull(parked.publishedAt);
        assertEquals(1, parked.attempts);
        assertTrue(parked.lastError.contains("RecordTooLargeException"), parked.lastError);
        try {
            relay.publishBatch(); // refreshes the counts
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Outbox' }.data.parked", equalTo(1))
                    .body("checks.find { it.name == 'Outbox' }.data.warning", containsString("parked"));
            given().get("/q/health/group/events").then().statusCode(503);
            given().get("/q/metrics").then().statusCode(200).body(containsString("metrokaart_outbox_parked 1.0"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId", poison));
            relay.publishBatch();
        }
        given().get("/q/health/group/events").then().statusCode(200);
    }

    /** Every record with the key until all expected ids were seen, then a little longer to catch duplicates. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String key,
                                                                List<UUID> expected, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(expected.stream().map(UUID::toString).toList());
        Instant deadline = Instant.now().plus(timeout);
        Instant settled = null;
        while (Instant.now().isBefore(deadline) && (settled == null || Instant.now().isBefore(settled))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                if (key.equals(record.key())) {
                    seen.add(record);
                    missing.remove(header(record, "ce_id"));
                }
            }
            if (missing.isEmpty() && settled == null) {
                settled = Instant.now().plusSeconds(2);
            }
        }
        return seen;
    }

    private static long unpublished(UUID projectId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("eventKey = ?1 and publishedAt is null", projectId.toString()));
    }
}
