package nl.metrokaart.newsletter.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import nl.metrokaart.platform.claim.ClaimedBatches;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.retry.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued e-mail through quarkus-mailer, at least once, safely with several instances on one database, with the
 * same claim-and-send-outside-the-transaction pattern as webhooks: a batch of due mails is claimed in a short
 * transaction (rows locked with SKIP LOCKED, given a claim token and a lease covering the whole batch), sent with no
 * transaction or connection held, then each outcome is recorded, fenced by the claim token: sent; refused for good
 * (SMTP 5xx) and so failed, never tried again; or failed for a passing reason and retried with exponential back-off
 * (capped), so no mail is lost while the SMTP server is down. A relay that crashes only delays its batch by the lease.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final int BATCH = 20;

    @Inject
    ReactiveMailer mailer;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "metrokaart.mail.from")
    String from;

    @ConfigProperty(name = "metrokaart.mail.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    @ConfigProperty(name = "metrokaart.mail.retry-max", defaultValue = "PT1H")
    Duration retryMax;

    /** The longest one mail may take to send before it counts as failed (and is retried). */
    @ConfigProperty(name = "metrokaart.mail.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @Scheduled(every = "${metrokaart.mail.relay-interval:5s}", delayed = "${metrokaart.mail.relay-initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relay();
    }

    /** Sends what is due now; returns how many mails the SMTP server accepted. */
    public int relay() {
        // A batch where the server failed ends the run: the failed mails wait for their back-off.
        return ClaimedBatches.drain(BATCH, new ClaimedBatches.Worker<Claimed, Optional<Throwable>>(
                () -> QuarkusTransaction.requiringNew().call(this::claim),
                claimed -> Optional.ofNullable(send(claimed.mail())),
                (claimed, failure) -> QuarkusTransaction.requiringNew().run(() -> record(claimed, failure.orElse(null)))),
                Optional::isEmpty, true).succeeded();
    }

    record Claimed(UUID id, UUID claimToken, Mail mail) {
    }

    List<Claimed> claim() {
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = entityManager.createNativeQuery("""
                        SELECT * FROM outgoing_mail WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, created_at LIMIT :batch FOR UPDATE SKIP LOCKED""", OutgoingMail.class)
                .setParameter("now", StoredTime.now())
                .setParameter("batch", BATCH)
                .getResultList();
        UUID token = UUID.randomUUID();
        Instant lease = ClaimedBatches.lease(StoredTime.now(), sendTimeout, due.size());
        List<Claimed> claimed = new ArrayList<>();
        for (OutgoingMail mail : due) {
            mail.claimToken = token;
            mail.nextAttemptAt = lease;
            claimed.add(new Claimed(mail.id, token, toMail(mail)));
        }
        return claimed;
    }

    /** Sends one mail with no transaction held; null when the SMTP server accepted it, else why not. */
    private Throwable send(Mail mail) {
        try {
            mailer.send(mail).await().atMost(sendTimeout);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    void record(Claimed claimed, Throwable failure) {
        OutgoingMail mail = entityManager.find(OutgoingMail.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || !claimed.claimToken().equals(mail.claimToken) || mail.sentAt != null || mail.failedAt != null) {
            LOG.warnf("Mail %s: claim lost (lease ran out, another relay took it over); this attempt is not recorded",
                    claimed.id());
            return;
        }
        mail.claimToken = null;
        if (failure == null) {
            mail.sentAt = StoredTime.now();
            mail.lastError = null;
            return;
        }
        mail.attempts++;
        mail.lastError = String.valueOf(failure.getMessage());
        if (refusedForGood(failure)) {
            mail.failedAt = StoredTime.now();
            LOG.errorf("Mail %s refused for good by the SMTP server (attempt %d); not tried again: %s", mail.id,
                    mail.attempts, mail.lastError);
            return;
        }
        mail.nextAttemptAt = StoredTime.now().plus(backOff(mail.attempts));
        LOG.warnf("Mail %s not sent (attempt %d), retried at %s: %s", mail.id, mail.attempts, mail.nextAttemptAt,
                mail.lastError);
    }

    /** A permanent SMTP refusal (5xx reply): sending the same mail again cannot succeed. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
    }

    /** base × 2^(attempts-1), at most max. */
    public Duration backOff(int attempts) {
        return new Backoff(retryBase, retryMax).after(attempts);
    }

    private Mail toMail(OutgoingMail mail) {
        Mail message = new Mail().setFrom(from).setTo(List.copyOf(mail.recipients)).setSubject(mail.subject)
                .setText(mail.text);
        if (mail.html != null) {
            message.setHtml(mail.html);
        }
        if (mail.attachmentData != null) {
            message.addAttachment(mail.attachmentName, mail.attachmentData, mail.attachmentContentType);
        }
        if (mail.inlineData != null) {
            message.addInlineAttachment(mail.inlineName, mail.inlineData, mail.inlineContentType, "<" + mail.inlineContentId + ">");
        }
        mail.headers.forEach(message::addHeader);
        return message;
    }
}
