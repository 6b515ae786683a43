package nl.metrokaart.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import nl.metrokaart.platform.retry.Backoff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer: receives one Kafka record for one named consumer, and in ONE transaction marks its
 * event as seen and applies it. A duplicate or replayed event (same source and id) is acknowledged without
 * effect; an event type the consumer has no handler for is skipped and counted; a malformed record throws
 * {@link MalformedEventException}, which fails the message so the channel's dead-letter strategy takes it.
 * Any other failure (the database away, a timeout, a deadlock) is passing: the record is retried in place, in a
 * new transaction each time, with a back-off doubling up to a cap, for as long as it takes. The partition waits
 * meanwhile (the connector pauses fetching), so its order holds and a valid event never reaches the dead-letter
 * topic; only an interrupted retry (shutdown) gives up, and {@link InvalidEventsToDeadLetter} then stops the
 * channel without committing, so the record is read again after the restart.
 *
 * <pre>
 * &#64;Incoming("programme-events") &#64;Blocking
 * public void receive(ConsumerRecord&lt;String, String&gt; record) { inbox.receive("read-model", record, handlers); }
 * </pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    static final String METRIC = "metrokaart.events.received";

    /** What became of a received record. */
    public enum Outcome {
        PROCESSED, DUPLICATE, SKIPPED;

        String tag() {
            return name().toLowerCase();
        }
    }

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    /** The wait before the second attempt; it doubles before each next one, up to the max back-off. */
    @ConfigProperty(name = "metrokaart.events.retry.backoff", defaultValue = "PT0.5S")
    Duration backoff;

    @ConfigProperty(name = "metrokaart.events.retry.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    /** Receives one record: applies it once, in its own transaction, retrying passing faults; see the class. */
    public Outcome receive(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        Backoff waits = new Backoff(backoff, maxBackoff);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> receiveOnce(consumer, record, handlers));
            } catch (MalformedEventException e) {
                throw e; // retrying cannot mend it
            } catch (RuntimeException e) {
                count(consumer, "retried", "unknown");
                Duration wait = waits.after(attempt);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s: record at %s-%d@%d failed (attempt %d, retried in %d ms; the partition waits): %s",
                            consumer, record.topic(), record.partition(), record.offset(), attempt, wait.toMillis(),
                            e.toString());
                }
                pause(wait);
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryInterruptedException(e);
        }
    }

    private Outcome receiveOnce(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        ReceivedEvent event;
        try {
            event = CloudEventRecords.read(record, objectMapper);
        } catch (MalformedEventException e) {
            count(consumer, "malformed", "unknown");
            LOG.warnf("%s: malformed record at %s-%d@%d goes to the dead-letter topic: %s", consumer, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        var registration = handlers.forType(event.type());
        if (registration.isEmpty()) {
            count(consumer, Outcome.SKIPPED.tag(), event.type());
            LOG.debugf("%s: skipped event %s of unknown type %s", consumer, event.id(), event.type());
            return Outcome.SKIPPED;
        }
        if (!firstDelivery(consumer, event.identity())) {
            count(consumer, Outcome.DUPLICATE.tag(), event.type());
            return Outcome.DUPLICATE;
        }
        dispatch(registration.get(), event);
        count(consumer, Outcome.PROCESSED.tag(), event.type());
        return Outcome.PROCESSED;
    }

    /** How many events this consumer received with the given outcome ({@code malformed} too), over all types. */
    public double received(String consumer, String outcome) {
        return registry.find(METRIC).tag("consumer", consumer).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private <T> void dispatch(EventHandlers.Registration<T> registration, ReceivedEvent event) {
        T data;
        try {
            data = objectMapper.treeToValue(event.data(), registration.dataType());
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                    + " does not match its data schema: " + e.getMessage(), e);
        }
        registration.handler().handle(event, data);
    }

    /** Marks the event as seen by this consumer; false if it already was (the mark commits with the effects). */
    private boolean firstDelivery(String consumer, String identity) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, identity)
                .setParameter(3, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    private void count(String consumer, String outcome, String type) {
        Counter.builder(METRIC)
                .description("CloudEvents received from Kafka, by consumer, outcome and type")
                .tag("consumer", consumer).tag("outcome", outcome).tag("type", type)
                .register(registry).increment();
    }
}
