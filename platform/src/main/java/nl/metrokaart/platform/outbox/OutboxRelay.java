package nl.metrokaart.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.StoredTime;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in the order they were written, as CloudEvents in the Kafka binary binding
 * (attributes as {@code ce_*} headers, the JSON data as the value, the aggregate id as the key).
 *
 * <ul>
 * <li><b>When</b>: woken right after a transaction that recorded events commits, and by a poll as a fallback (for
 * events of other instances, and after a Kafka outage).</li>
 * <li><b>One publisher per database</b>: a batch is read and published inside a transaction holding a PostgreSQL
 * advisory lock, so of several instances on one database only one publishes at a time; the others wait for it and
 * then find nothing left. The lock ends with the transaction, also when the instance dies.</li>
 * <li><b>Pipelined, in order across an outage</b>: a batch is sent at once and the acknowledgements awaited
 * together. The idempotent producer keeps the order per partition (and so per key) across its retries, and never
 * gives up on a retriable error (the channel's configuration: no delivery timeout, no re-sends by the connector), so
 * what it holds when Kafka goes away is delivered in order once it is back. A send not acknowledged within
 * {@code metrokaart.outbox.ack-wait} stays in flight: the next run awaits it and does not send the event again
 * ({@link InFlightSends}), since a copy would land behind later events of its key.</li>
 * <li><b>Nothing stuck</b>: an event Kafka refuses for good (a non-retriable error, e.g. too large) is parked with
 * its attempts and error, counted in {@code metrokaart.outbox.parked} and shown by the health check; the events
 * after it keep flowing. Sends still unacknowledged (Kafka away) or failed for a passing reason leave the event
 * pending and pause the relay briefly ({@code metrokaart.outbox.retry-pause}).</li>
 * </ul>
 * An event is marked published only once Kafka acknowledged it, so delivery is at least once (after a restart, or
 * when another instance takes over the lock while this one's sends are in flight): consumers deduplicate on the
 * event id, and since each producer delivers its sends in order, the first arrival of each event keeps the order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay: the same in every instance of a service (each has its own database). */
    static final long LEADER_LOCK = 0x6d6b_6f75_7462_6f78L; // "mkoutbox"

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "metrokaart.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /** How long an instance waits for another one's batch before leaving the work to it. */
    @ConfigProperty(name = "metrokaart.outbox.leader-wait", defaultValue = "PT5S")
    Duration leaderWait;

    /**
     * How long a run awaits Kafka's acknowledgements before it ends (and so lets go of the relay's lock); what is
     * still unacknowledged stays in flight in the producer and is awaited by the next run, never sent again by it.
     */
    @ConfigProperty(name = "metrokaart.outbox.ack-wait", defaultValue = "PT30S")
    Duration ackWait;

    /** The pause after Kafka refused an event for a passing reason or left sends unacknowledged (broker away). */
    @ConfigProperty(name = "metrokaart.outbox.retry-pause", defaultValue = "PT2S")
    Duration retryPause;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final InFlightSends inFlight = new InFlightSends();
    /** Set by the first scheduled run: the messaging channels are wired during startup, after the scheduler begins. */
    private volatile boolean ready;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile long parked;
    private volatile long pending;
    private volatile Instant countedAt = Instant.MIN;

    @PostConstruct
    void metrics() {
        Gauge.builder("metrokaart.outbox.parked", this, relay -> relay.parked)
                .description("Outbox events Kafka refused for good, parked until an operator re-drives them")
                .register(registry);
        Gauge.builder("metrokaart.outbox.pending", this, relay -> relay.pending)
                .description("Outbox events waiting for Kafka (as of the relay's last run)")
                .register(registry);
        Gauge.builder("metrokaart.outbox.in-flight", inFlight, InFlightSends::size)
                .description("Outbox events this instance sent that Kafka has not acknowledged yet")
                .register(registry);
    }

    @Scheduled(every = "${metrokaart.outbox.interval:1s}", delayed = "${metrokaart.outbox.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        ready = true;
        wake();
    }

    /** Wakes the relay once the transaction that recorded an event committed (not before: it would find nothing). */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEvent recorded) {
        if (ready) {
            wake();
        }
    }

    /** Asks for a run; runs asked for while one is queued coalesce into it. */
    public void wake() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException e) {
                requested.set(false); // shutting down
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void drain() {
        requested.set(false);
        try {
            while (publishBatch(false) == batchSize) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed; the next run retries: %s", e.toString());
        }
    }

    /** Counts of the last run, for the health check. */
    public long parked() {
        return parked;
    }

    public long pending() {
        return pending;
    }

    /**
     * Publishes one batch of pending events if this instance gets the relay's lock; returns how many events were
     * settled (published or parked). Safe to call from several threads and instances at once.
     */
    public int publishBatch() {
        return publishBatch(true);
    }

    /** As {@link #publishBatch()}; {@code alwaysCount} false counts pending and parked events at most once a second. */
    private int publishBatch(boolean alwaysCount) {
        if (Instant.now().isBefore(pausedUntil)) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().timeout(120).call(() -> publishAsLeader(alwaysCount));
        } catch (RuntimeException e) {
            if (!lockWaitTimedOut(e)) {
                throw e;
            }
            // Another instance is publishing a long batch (Kafka slow or away); it takes our events too.
            LOG.debugf("Outbox relay did not get the lock: %s", e.getMessage());
            return 0;
        }
    }

    private static boolean lockWaitTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LockTimeoutException
                    || cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private int publishAsLeader(boolean alwaysCount) {
        entityManager.createNativeQuery("SELECT set_config('lock_timeout', :timeout, true)")
                .setParameter("timeout", leaderWait.toMillis() + "ms").getSingleResult();
        AdvisoryLocks.lock(entityManager, LEADER_LOCK);
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL
                         ORDER BY position LIMIT :batch""", OutboxEvent.class)
                .setParameter("batch", batchSize).getResultList();
        if (!batch.isEmpty()) {
            publish(batch);
        }
        if (alwaysCount || Instant.now().isAfter(countedAt.plusSeconds(1))) {
            // Woken by every commit, the relay counts at most once a second (not twice per run).
            countedAt = Instant.now();
            parked = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL")
                    .getSingleResult()).longValue();
            pending = ((Number) entityManager.createNativeQuery(
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
                    .getSingleResult()).longValue();
        }
        return batch.size() == batchSize && Instant.now().isAfter(pausedUntil) ? batchSize : 0;
    }

    private void publish(List<OutboxEvent> batch) {
        inFlight.forgetSettledExcept(batch.stream().map(event -> event.position).toList());
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(inFlight.sendOnce(event.position, () -> send(event)));
        }
        try {
            // All at once: the sends are pipelined, and a broker that is away holds them all alike.
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            // Some were refused, or are still in flight: sorted out one by one below.
        }
        List<Long> published = new ArrayList<>();
        int waiting = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            CompletableFuture<Void> ack = acks.get(i);
            if (!ack.isDone()) {
                waiting++; // stays in flight: the next run awaits this send, it does not send the event again
                continue;
            }
            inFlight.settled(event.position);
            try {
                ack.join();
                published.add(event.position);
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                event.attempts++;
                event.lastError = String.valueOf(cause);
                if (refusedForGood(cause)) {
                    event.parkedAt = StoredTime.now();
                    LOG.errorf("Kafka refused event %s (%s, %s) for good; parked, the events after it go on: %s",
                            event.eventId, event.type, event.topic, cause);
                } else {
                    pausedUntil = Instant.now().plus(retryPause);
                    LOG.warnf("Kafka did not take event %s (%s); sent again shortly: %s", event.eventId, event.type, cause);
                }
            }
        }
        if (waiting > 0) {
            pausedUntil = Instant.now().plus(retryPause);
            LOG.warnf("Kafka has not acknowledged %d events within %s (away?); the producer keeps them and delivers them "
                    + "in order when it is back, the next run awaits them", waiting, ackWait);
        }
        if (!published.isEmpty()) {
            // When Kafka acknowledged the batch (bench/propagation.py reads it as a stage of each event's way).
            entityManager.createNativeQuery("UPDATE outbox_event SET published_at = :now WHERE position IN (:positions)")
                    .setParameter("now", StoredTime.now()).setParameter("positions", published).executeUpdate();
        }
    }

    /** A non-retriable Kafka error (too large, invalid topic, unserialisable): sending it again cannot succeed. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof ApiException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withSource(URI.create(event.source))
                .withType(event.type)
                .withSubject(event.subject)
                .withTimestamp(event.recordedAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        if (event.dataref != null) {
            cloudEvent.withExtension("dataref", event.dataref);
        }
        Message<String> message = Message.of(event.data)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.eventKey)
                        .build())
                .addMetadata(cloudEvent.build())
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
