package nl.metrokaart.newsletter.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.infra.DeadLetterRedrive;
import nl.metrokaart.infra.PostgresServer;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.platform.inbox.Inbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The consumer against real faults: its database refusing every connection for longer than the inbox's old retry
 * window (5 attempts, about 7.5 s) while events arrive. Nothing may be dead-lettered, every event must be applied
 * once, in order per project, after the database is back. The outage lasts {@code metrokaart.test.db-outage}
 * (default 10 s; the 30 s with {@code -Dmetrokaart.test.db-outage=PT30S}).
 */
@QuarkusTest
class ConsumerFaultsTest {

    static final String DEAD_LETTER = "metrokaart.newsletter-service.dead-letter";

    @Inject
    Inbox inbox;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void whileTheDatabaseIsAwayEventsWaitAndAreAllAppliedOnceAfterwardsNoneDeadLettered() throws Exception {
        Duration outage = Duration.parse(System.getProperty("metrokaart.test.db-outage", "PT10S"));
        double retriedBefore = inbox.received(ActivityConsumer.CONSUMER, "retried");
        List<UUID> projects = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<String> eventIds = new ArrayList<>();
        try (TestEvents events = new TestEvents()) {
            takeDatabaseAway();
            try {
                Instant time = Instant.parse("2026-11-30T09:00:00Z");
                for (int i = 0; i < 4; i++) {
                    for (UUID project : projects) {
                        eventIds.add(events.programme(i == 0 ? "project-created" : "project-changed", project,
                                TestEvents.project(project, "OUT-" + i, "Outage " + i, "proposed", i), time.plusSeconds(i)));
                    }
                }
                Thread.sleep(outage.toMillis());
            } finally {
                bringDatabaseBack();
            }
            List<Activity> applied = TestEvents.awaitActivities(eventIds);
            assertEquals(eventIds.size(), applied.size(), "each applied once");
            for (UUID project : projects) {
                List<String> inOrder = applied.stream().filter(a -> project.equals(a.projectId)).map(a -> a.eventId).toList();
                assertEquals(eventIds.stream().filter(id -> inOrder.contains(id)).toList(), inOrder, "in order per project");
                assertEquals(4, inOrder.size());
            }
        }
        assertThat("the consumer retried while the database was away",
                inbox.received(ActivityConsumer.CONSUMER, "retried"), greaterThan(retriedBefore));
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            List<String> dead = kafka.read(DEAD_LETTER, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .map(r -> r.headers().lastHeader("ce_id"))
                    .map(h -> h == null ? "no-id" : new String(h.value(), StandardCharsets.UTF_8)).toList();
            for (String id : eventIds) {
                assertThat(dead, not(hasItem(id)));
            }
        }
        long marks = QuarkusTransaction.requiringNew().call(() -> Activity.count("eventId in ?1", eventIds));
        assertEquals(eventIds.size(), marks);
    }

    @Test
    void anAdminReDrivesDeadLetteredEventsIdempotently() {
        // A valid event dead-lettered in the past (say, by an older release that gave up after five attempts).
        UUID project = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("ce_specversion", "1.0");
            headers.put("ce_id", eventId);
            headers.put("ce_source", TestEvents.PROGRAMME_SOURCE);
            headers.put("ce_type", "nl.metrokaart.programme.project-created");
            headers.put("ce_time", "2026-11-30T10:00:00Z");
            headers.put("content-type", "application/json");
            headers.put("dead-letter-topic", "metrokaart.programme.projects");
            headers.put("dead-letter-reason", "database away (attempt 5 of 5)");
            kafka.send(DEAD_LETTER, project.toString(), headers, TestEvents.project(project, "RE-1", "Redriven", "proposed", 0));
        }
        String bootstrap = PostgresKafkaResource.broker().bootstrapServers();
        assertThat(DeadLetterRedrive.redrive(bootstrap, DEAD_LETTER, Duration.ofSeconds(30)), greaterThan(0));
        TestEvents.awaitActivities(List.of(eventId));
        // A second run re-drives nothing already re-driven; the event stays applied once.
        DeadLetterRedrive.redrive(bootstrap, DEAD_LETTER, Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Activity.count("eventId", eventId)) == 1);
    }

    /** The service's database refuses new connections and drops the open ones, as when the server is away. */
    private void takeDatabaseAway() throws SQLException {
        String database = database();
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    private void bringDatabaseBack() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Activity.count() >= 0));
    }

    private String database() {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres",
                PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
