package nl.metrokaart.newsletter.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.claim.ClaimedBatches;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.retry.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers what is due, at least once, safely with several instances on one database. A batch of due deliveries is
 * claimed with a fresh claim token (rows locked with SKIP LOCKED, their next attempt moved past the longest the whole
 * batch can take, so another instance leaves them alone, and a crash only delays them), sent outside any
 * transaction, then each outcome is recorded, fenced: only while the delivery still carries this worker's claim
 * token and is pending (a worker that overran its lease and was re-claimed changes nothing, so a late failure cannot
 * undo another's success): delivered; or retried after an exponentially growing delay; or,
 * after the last attempt, failed, which after a run of failed deliveries disables the subscription and abandons
 * what is still pending for it.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    WebhookSender sender;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "metrokaart.webhooks.retry.initial-delay", defaultValue = "PT30S")
    Duration initialDelay;

    @ConfigProperty(name = "metrokaart.webhooks.retry.max-delay", defaultValue = "PT6H")
    Duration maxDelay;

    @ConfigProperty(name = "metrokaart.webhooks.retry.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "metrokaart.webhooks.disable-after-failures", defaultValue = "5")
    int disableAfterFailures;

    @ConfigProperty(name = "metrokaart.webhooks.batch-size", defaultValue = "20")
    int batchSize;

    @Scheduled(identity = "webhook-deliveries", every = "${metrokaart.webhooks.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        deliverDue();
    }

    /** Sends every delivery due now, batch after batch; returns how many attempts were made. */
    public synchronized int deliverDue() {
        return ClaimedBatches.drain(batchSize, new ClaimedBatches.Worker<Claimed, WebhookSender.Outcome>(this::claim,
                claimed -> sender.send(claimed.callbackUrl(), claimed.secret(), claimed.deliveryId().toString(),
                        claimed.payload()),
                (claimed, outcome) -> QuarkusTransaction.requiringNew().run(() -> record(claimed, outcome))),
                WebhookSender.Outcome::success, false).attempted();
    }

    record Claimed(UUID deliveryId, UUID claimToken, UUID subscriptionId, String callbackUrl, String secret,
            String payload) {
    }

    List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = StoredTime.now();
            @SuppressWarnings("unchecked")
            List<Object> ids = entityManager.createNativeQuery("""
                    SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                     WHERE d.status = 'pending' AND s.enabled AND d.next_attempt_at <= :now
                     ORDER BY d.next_attempt_at
                     LIMIT :batch
                       FOR UPDATE OF d SKIP LOCKED""")
                    .setParameter("now", now)
                    .setParameter("batch", batchSize)
                    .getResultList();
            Instant lease = ClaimedBatches.lease(now, sender.maxAttemptDuration(), ids.size());
            UUID token = UUID.randomUUID();
            List<Claimed> claimed = new ArrayList<>();
            for (Object id : ids) {
                WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, id);
                WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, delivery.subscriptionId);
                delivery.nextAttemptAt = lease;
                delivery.claimToken = token;
                claimed.add(new Claimed(delivery.id, token, subscription.id, subscription.callbackUrl, subscription.secret,
                        delivery.payload));
            }
            return claimed;
        });
    }

    void record(Claimed claimed, WebhookSender.Outcome outcome) {
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, claimed.subscriptionId(),
                LockModeType.PESSIMISTIC_WRITE);
        WebhookDelivery delivery = subscription == null ? null
                : entityManager.find(WebhookDelivery.class, claimed.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return; // the subscription was deleted meanwhile
        }
        if (delivery.status != WebhookDeliveryStatus.PENDING || !claimed.claimToken().equals(delivery.claimToken)) {
            LOG.warnf("Webhook delivery %s: claim lost (lease ran out, another worker took it over); outcome %s of "
                    + "this attempt not recorded", delivery.id, outcome.detail());
            return;
        }
        delivery.claimToken = null;
        Instant now = StoredTime.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastResponseStatus = outcome.status();
        List<WebhookDelivery.Attempt> log = new ArrayList<>(delivery.attemptLog);
        log.add(new WebhookDelivery.Attempt(delivery.attempts, now, outcome.status(), outcome.detail(),
                outcome.durationMillis()));
        delivery.attemptLog = log;
        if (outcome.success()) {
            delivery.status = WebhookDeliveryStatus.DELIVERED;
            delivery.nextAttemptAt = null;
            if (subscription.consecutiveFailures != 0) {
                subscription.consecutiveFailures = 0;
                subscription.updatedAt = now;
            }
            LOG.infof("Webhook delivery %s of event %s to subscription %s: attempt %d %s", delivery.id,
                    delivery.eventId, subscription.id, delivery.attempts, outcome.detail());
            return;
        }
        LOG.warnf("Webhook delivery %s of event %s to subscription %s: attempt %d of %d failed: %s", delivery.id,
                delivery.eventId, subscription.id, delivery.attempts, maxAttempts, outcome.detail());
        if (delivery.attempts < maxAttempts) {
            delivery.nextAttemptAt = StoredTime.of(now.plus(backOff(delivery.attempts)));
            return;
        }
        delivery.status = WebhookDeliveryStatus.FAILED;
        delivery.nextAttemptAt = null;
        subscription.consecutiveFailures++;
        subscription.updatedAt = now;
        if (subscription.enabled && subscription.consecutiveFailures >= disableAfterFailures) {
            subscription.enabled = false;
            subscription.disabledAt = now;
            entityManager.flush();
            int abandoned = entityManager.createQuery("""
                    update WebhookDelivery set status = :abandoned, nextAttemptAt = null
                     where subscriptionId = :subscription and status = :pending""")
                    .setParameter("abandoned", WebhookDeliveryStatus.ABANDONED)
                    .setParameter("pending", WebhookDeliveryStatus.PENDING)
                    .setParameter("subscription", subscription.id)
                    .executeUpdate();
            LOG.warnf("Webhook subscription %s disabled after %d failed deliveries in a row; %d pending deliveries "
                    + "abandoned", subscription.id, subscription.consecutiveFailures, abandoned);
        }
    }

    /** The delay after the given number of failed attempts: the initial delay, doubled each time, capped. */
    Duration backOff(int failedAttempts) {
        return backOff(initialDelay, maxDelay, failedAttempts);
    }

    static Duration backOff(Duration initial, Duration max, int failedAttempts) {
        return new Backoff(initial, max).after(failedAttempts);
    }
}
