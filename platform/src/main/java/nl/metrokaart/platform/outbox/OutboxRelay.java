package nl.metrokaart.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in the order they were written, as CloudEvents in the Kafka binary binding
 * (attributes as {@code ce_*} headers, the JSON data as the value, the aggregate id as the key). An event is
 * marked published only once Kafka acknowledged it; while Kafka is unreachable events wait in the table and the
 * API keeps accepting changes. Delivery is at least once: consumers deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    @Channel("outbox")
    Emitter<String> emitter;

    private volatile Instant pausedUntil = Instant.MIN;

    // Starts a little after boot: the messaging channels are wired during startup, after the scheduler begins.
    @Scheduled(every = "${metrokaart.outbox.interval:1s}", delayed = "${metrokaart.outbox.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        List<OutboxEvent> batch = pending();
        if (batch.isEmpty()) {
            return;
        }
        // One at a time: an event is sent only after Kafka took the one before it, so a failure leaves nothing
        // after it on the topic and the retry keeps the written order.
        List<Long> published = new ArrayList<>();
        for (OutboxEvent event : batch) {
            try {
                send(event).get(30, TimeUnit.SECONDS);
                published.add(event.position);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Kafka did not take event %s (%s); retrying shortly: %s", event.eventId, event.type, e.getMessage());
                pausedUntil = Instant.now().plusSeconds(2);
                break;
            }
        }
        markPublished(published);
    }

    @Transactional
    List<OutboxEvent> pending() {
        return OutboxEvent.find("publishedAt is null order by position").page(0, BATCH).list();
    }

    @Transactional
    void markPublished(List<Long> positions) {
        if (!positions.isEmpty()) {
            OutboxEvent.update("publishedAt = ?1 where position in ?2", Instant.now(), positions);
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(event.data)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.eventKey)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId.toString())
                        .withSource(URI.create(event.source))
                        .withType(event.type)
                        .withSubject(event.subject)
                        .withTimestamp(event.recordedAt.atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
