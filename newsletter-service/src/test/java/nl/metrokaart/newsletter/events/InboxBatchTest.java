package nl.metrokaart.newsletter.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.platform.inbox.Inbox;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer receives each poll as one batch (Inbox.receiveBatch) through the real broker: a batch is applied in
 * one transaction, a duplicate in it has no effect, and a poison record in the middle of a batch makes the batch
 * fall back to one record at a time, so that only the poison record is dead-lettered and every other event of the
 * batch is still applied exactly once, in order.
 */
@QuarkusTest
class InboxBatchTest {

    static final String TOPIC = "metrokaart.programme.projects";

    @Inject
    Inbox inbox;

    @Test
    void aBatchWithADuplicateAndAPoisonEventAppliesEveryGoodEventOnceAndDeadLettersOnlyThePoison() {
        UUID project = UUID.randomUUID();
        Instant time = Instant.parse("2026-12-01T09:00:00Z");
        String created = UUID.randomUUID().toString();
        String changed = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String changedAgain = UUID.randomUUID().toString();
        double together = inbox.batches(ActivityConsumer.CONSUMER, "applied");
        double oneByOne = inbox.batches(ActivityConsumer.CONSUMER, "one-by-one");
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            // One flush, one partition: the idle consumer polls them as one batch, applied together.
            kafka.sendAll(List.of(
                    event(project, created, "project-created", TestEvents.project(project, "BA-1", "Batch", "proposed", 0), time),
                    event(project, changed, "project-changed", TestEvents.project(project, "BA-1", "Batch", "started", 1),
                            time.plusSeconds(1)),
                    event(project, created, "project-created", TestEvents.project(project, "BA-1", "Batch", "proposed", 0), time)));
            TestEvents.awaitActivities(List.of(created, changed));
            assertThat("the first batch was applied in one transaction",
                    inbox.batches(ActivityConsumer.CONSUMER, "applied"), greaterThan(together));

            // A duplicate of the earlier batch, a record whose data is not JSON, and a good event after it.
            kafka.sendAll(List.of(
                    event(project, changed, "project-changed", TestEvents.project(project, "BA-1", "Batch", "started", 1),
                            time.plusSeconds(1)),
                    event(project, poison, "project-changed", "[1, 2", time.plusSeconds(2)),
                    event(project, changedAgain, "project-changed",
                            TestEvents.project(project, "BA-1", "Batch", "realised", 2), time.plusSeconds(3))));
            List<Activity> applied = TestEvents.awaitActivities(List.of(created, changed, changedAgain));
            assertEquals(List.of(created, changed, changedAgain), applied.stream().map(a -> a.eventId).toList(),
                    "each good event once, in order");
            assertThat("the batch with the poison record fell back to one record at a time",
                    inbox.batches(ActivityConsumer.CONSUMER, "one-by-one"), greaterThan(oneByOne));

            List<String> dead = kafka.readUntil(ConsumerFaultsTest.DEAD_LETTER,
                    records -> records.stream().anyMatch(r -> poison.equals(KafkaTestClient.header(r, "ce_id"))),
                    Duration.ofSeconds(30)).stream().map(r -> KafkaTestClient.header(r, "ce_id")).toList();
            assertThat(dead, hasItem(poison));
            for (String good : List.of(created, changed, changedAgain)) {
                assertThat(dead, not(hasItem(good)));
            }
            assertEquals(1, dead.stream().filter(poison::equals).count(), "the poison record dead-lettered once");
        }
        long activities = QuarkusTransaction.requiringNew().call(() -> Activity.count("projectId", project));
        assertEquals(3, activities, "nothing applied twice, the poison record not at all");
    }

    private static ProducerRecord<String, String> event(UUID project, String id, String verb, String json, Instant time) {
        return KafkaTestClient.cloudEvent(TOPIC, project.toString(), id, TestEvents.PROGRAMME_SOURCE,
                "nl.metrokaart.programme." + verb, "projects/" + project, json, time);
    }
}
