package nl.metrokaart.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
 * <p>A channel with {@code batch=true} hands the inbox a whole poll with {@link #receiveBatch}: all its events are
 * applied in ONE transaction (one commit, and whatever a handler takes once per transaction taken once), with the
 * same outcomes per record as {@link #receive}. Only if that transaction fails are the records applied one by one
 * with {@link #receive}, in order, so a malformed record still goes alone to the dead-letter topic and a passing
 * fault is retried in place as above.
 *
 * <pre>
 * &#64;Incoming("programme-events") &#64;Blocking
 * public CompletionStage&lt;Void&gt; receive(KafkaRecordBatch&lt;String, String&gt; batch) {
 *     return inbox.receiveBatch("read-model", batch, handlers);
 * }
 * </pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    static final String METRIC = "metrokaart.events.received";
    static final String BATCH_METRIC = "metrokaart.events.batches";

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

    /**
     * Receives a polled batch (each partition's records in offset order, so per key in order): applies every event
     * in one transaction, duplicates (in the batch or seen before) and unknown types without effect. If that
     * transaction fails, each record is received on its own ({@link #receive}): a malformed one is nacked alone (the
     * channel's failure strategy dead-letters it), the others are applied or retried in place. Completes with the
     * batch's acknowledgement; when a retry is interrupted (shutdown), with its negative acknowledgement, which stops
     * the channel without committing.
     */
    public CompletionStage<Void> receiveBatch(String consumer, KafkaRecordBatch<String, String> batch,
            EventHandlers handlers) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            List<Received> outcomes = QuarkusTransaction.requiringNew()
                    .call(() -> receiveTogether(consumer, records, handlers));
            outcomes.forEach(received -> count(consumer, received.outcome().tag(), received.type()));
            countBatch(consumer, "applied");
        } catch (RuntimeException e) {
            countBatch(consumer, "one-by-one");
            LOG.debugf("%s: a batch of %d records failed together (%s); receiving them one by one", consumer,
                    records.size(), e.toString());
            try {
                receiveOneByOne(consumer, records, handlers);
            } catch (RetryInterruptedException interrupted) {
                return batch.nack(interrupted);
            }
        }
        return batch.ack();
    }

    private void receiveOneByOne(String consumer, List<KafkaRecord<String, String>> records, EventHandlers handlers) {
        for (KafkaRecord<String, String> record : records) {
            try {
                receive(consumer, consumerRecord(record), handlers);
            } catch (MalformedEventException e) {
                // Only this record: the failure strategy sends it to the dead-letter topic before the next is applied.
                record.nack(e).toCompletableFuture().join();
            }
        }
    }

    /** What became of one record of a batch applied together; counted once the transaction committed. */
    private record Received(Outcome outcome, String type) {
    }

    private List<Received> receiveTogether(String consumer, List<KafkaRecord<String, String>> records,
            EventHandlers handlers) {
        List<Received> outcomes = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            // A malformed record aborts the batch: the one-by-one pass dead-letters it and applies the rest.
            ReceivedEvent event = CloudEventRecords.read(consumerRecord(record), objectMapper);
            outcomes.add(new Received(apply(consumer, event, handlers), event.type()));
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("Not a record received from Kafka: " + record));
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
        Outcome outcome = apply(consumer, event, handlers);
        count(consumer, outcome.tag(), event.type());
        return outcome;
    }

    /** Marks and applies one event in the current transaction, unless its type is unknown or it was seen. */
    private Outcome apply(String consumer, ReceivedEvent event, EventHandlers handlers) {
        var registration = handlers.forType(event.type());
        if (registration.isEmpty()) {
            LOG.debugf("%s: skipped event %s of unknown type %s", consumer, event.id(), event.type());
            return Outcome.SKIPPED;
        }
        if (!firstDelivery(consumer, event.identity())) {
            return Outcome.DUPLICATE;
        }
        dispatch(registration.get(), event);
        return Outcome.PROCESSED;
    }

    /** How many events this consumer received with the given outcome ({@code malformed} too), over all types. */
    public double received(String consumer, String outcome) {
        return total(METRIC, consumer, outcome);
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

    /** How many batches this consumer applied together ({@code applied}) or had to receive {@code one-by-one}. */
    public double batches(String consumer, String outcome) {
        return total(BATCH_METRIC, consumer, outcome);
    }

    /** The sum of the metric's counters with these tags, whatever their other tags (e.g. the event type). */
    private double total(String metric, String consumer, String outcome) {
        return registry.find(metric).tag("consumer", consumer).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void countBatch(String consumer, String outcome) {
        Counter.builder(BATCH_METRIC)
                .description("Polled batches of CloudEvents, by consumer and whether they were applied together")
                .tag("consumer", consumer).tag("outcome", outcome)
                .register(registry).increment();
    }

    private void count(String consumer, String outcome, String type) {
        Counter.builder(METRIC)
                .description("CloudEvents received from Kafka, by consumer, outcome and type")
                .tag("consumer", consumer).tag("outcome", outcome).tag("type", type)
                .register(registry).increment();
    }
}
