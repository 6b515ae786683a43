package nl.metrokaart.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.StoredTime;
import org.jboss.logging.Logger;

/**
 * Housekeeping: deletes what the pipeline no longer needs, by age, as a scheduled job (every
 * {@code metrokaart.retention.every}, default hourly): published outbox events, inbox marks (kept longer than the
 * topics' retention, so a replayed event is still recognised), and whatever rules a service adds (delivered
 * webhooks, sent mail). Deletes in chunks, each in its own short transaction. Safe with several instances: a run
 * holds a PostgreSQL advisory lock, so a second instance skips the run instead of repeating it.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final long LOCK = 0x6d6b_7265_7465_6e74L; // "mkretent"
    private static final int CHUNK = 5000;

    @Inject
    EntityManager entityManager;

    @Inject
    Instance<RetentionRule> rules;

    /** Published outbox events are kept {@code metrokaart.retention.outbox} (for diagnosis; Kafka holds them for the consumers). */
    @Produces
    static RetentionRule outboxRule() {
        return RetentionRule.configured("outbox", Duration.ofDays(7), "published outbox events", "outbox_event",
                "published_at < :before");
    }

    /** Inbox marks are kept {@code metrokaart.retention.inbox}: longer than the topics consumed, or a replay applies twice. */
    @Produces
    static RetentionRule inboxRule() {
        return RetentionRule.configured("inbox", Duration.ofDays(30), "inbox marks", "inbox_event", "processed_at < :before");
    }

    @Scheduled(identity = "retention", every = "${metrokaart.retention.every:1h}", delayed = "${metrokaart.retention.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** Applies every rule once; returns the rows deleted per rule (empty when another instance is running it). */
    public Map<String, Long> run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = AdvisoryLocks.tryLock(entityManager, LOCK);
            Map<String, Long> deleted = new LinkedHashMap<>();
            if (!mine) {
                return deleted;
            }
            for (RetentionRule rule : rules) {
                Instant before = StoredTime.now().minus(rule.keep());
                long total = 0;
                int chunk;
                do {
                    chunk = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                                    "DELETE FROM " + rule.table() + " WHERE ctid IN (SELECT ctid FROM " + rule.table()
                                            + " WHERE " + rule.condition() + " LIMIT " + CHUNK + ")")
                            .setParameter("before", before).executeUpdate());
                    total += chunk;
                } while (chunk == CHUNK);
                if (total > 0) {
                    LOG.infof("Retention: deleted %d %s older than %s", total, rule.name(), rule.keep());
                }
                deleted.put(rule.name(), total);
            }
            return deleted;
        });
    }
}
