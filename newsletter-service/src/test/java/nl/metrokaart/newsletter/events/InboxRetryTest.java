package nl.metrokaart.newsletter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.metrokaart.platform.inbox.EventHandlers;
import nl.metrokaart.platform.inbox.Inbox;
import nl.metrokaart.platform.inbox.InvalidEventsToDeadLetter;
import nl.metrokaart.platform.inbox.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The platform inbox retries a handler that fails for a passing reason, each attempt in a transaction of its own,
 * instead of sending a valid event to the dead-letter topic at once; a failed attempt marks nothing as received.
 */
@QuarkusTest
class InboxRetryTest {

    static final String TYPE = "nl.metrokaart.programme.project-created";

    @Inject
    Inbox inbox;

    private static ConsumerRecord<String, String> record(String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("metrokaart.programme.projects", 0, 0L, "key", "{}");
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(eventId));
        record.headers().add("ce_source", bytes("urn:nld:metrokaart:systeem:programme-service"));
        record.headers().add("ce_type", bytes(TYPE));
        record.headers().add("ce_time", bytes("2026-11-29T10:00:00Z"));
        record.headers().add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The data of the test's events ({@code {}}): handlers bind records. */
    record Data(String any) {
    }

    /** Handlers whose first {@code failures} calls throw, as when the database is briefly away. */
    private static EventHandlers failingFirst(int failures, AtomicInteger calls) {
        return EventHandlers.create().on(TYPE, Data.class, (event, data) -> {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("database briefly away (attempt " + calls.get() + ")");
            }
        });
    }

    @Test
    void aPassingFaultIsRetriedUntilTheEventIsHandledOnce() {
        String consumer = "retry-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        assertEquals(Inbox.Outcome.PROCESSED, inbox.receive(consumer, record(eventId), failingFirst(2, calls)));
        assertEquals(3, calls.get());
        assertEquals(1.0, inbox.received(consumer, "processed"));
        assertEquals(Inbox.Outcome.DUPLICATE, inbox.receive(consumer, record(eventId), failingFirst(0, calls)));
        assertEquals(3, calls.get(), "a duplicate does not reach the handler");
    }

    @Test
    void aFaultOutlastingManyAttemptsIsRetriedWithoutLimitAndNeverGivenUp() {
        String consumer = "retry-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        // Eight failures: more than the five attempts after which the inbox used to give a valid event up.
        assertEquals(Inbox.Outcome.PROCESSED, inbox.receive(consumer, record(eventId), failingFirst(8, calls)));
        assertEquals(9, calls.get());
        assertEquals(8.0, inbox.received(consumer, "retried"));
        assertEquals(1.0, inbox.received(consumer, "processed"));
    }

    @Test
    void onlyInvalidEventsAreForTheDeadLetterTopic() {
        assertTrue(InvalidEventsToDeadLetter.invalid(new MalformedEventException("no ce_id")));
        assertFalse(InvalidEventsToDeadLetter.invalid(new IllegalStateException("database away")));
    }
}
