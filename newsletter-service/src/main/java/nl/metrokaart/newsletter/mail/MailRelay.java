package nl.metrokaart.newsletter.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import nl.metrokaart.platform.persistence.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued e-mail through quarkus-mailer, at least once: a mail is marked sent in the transaction that holds
 * its row lock, after the SMTP server accepted it. A failure is recorded and retried with exponential back-off
 * (capped), so no mail is lost while the SMTP server is down. Relays on several instances never send the same
 * mail concurrently (rows locked with SKIP LOCKED).
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final int BATCH = 20;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "metrokaart.mail.from")
    String from;

    @ConfigProperty(name = "metrokaart.mail.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    @ConfigProperty(name = "metrokaart.mail.retry-max", defaultValue = "PT1H")
    Duration retryMax;

    @Scheduled(every = "${metrokaart.mail.relay-interval:5s}", delayed = "${metrokaart.mail.relay-initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relay();
    }

    /** Sends what is due now; returns how many mails the SMTP server accepted. */
    public int relay() {
        int sent = 0;
        int batch;
        do {
            int[] result = QuarkusTransaction.requiringNew().call(this::relayBatch);
            batch = result[0];
            sent += result[1];
        } while (batch == BATCH);
        return sent;
    }

    /** One batch in one transaction: {number locked, number sent}. */
    private int[] relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = entityManager.createNativeQuery("""
                        SELECT * FROM outgoing_mail WHERE sent_at IS NULL AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, created_at LIMIT :batch FOR UPDATE SKIP LOCKED""", OutgoingMail.class)
                .setParameter("batch", BATCH)
                .getResultList();
        int sent = 0;
        for (OutgoingMail mail : due) {
            try {
                mailer.send(toMail(mail));
                mail.sentAt = StoredTime.now();
                mail.lastError = null;
                sent++;
            } catch (RuntimeException e) {
                mail.attempts++;
                mail.lastError = String.valueOf(e.getMessage());
                mail.nextAttemptAt = StoredTime.now().plus(backOff(mail.attempts));
                LOG.warnf("Mail %s not sent (attempt %d), retried at %s: %s", mail.id, mail.attempts, mail.nextAttemptAt,
                        mail.lastError);
            }
        }
        // A batch where the server failed is not retried in this run: the failed mails wait for their back-off.
        return new int[] {sent == due.size() ? due.size() : 0, sent};
    }

    /** base × 2^(attempts-1), at most max. */
    public Duration backOff(int attempts) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
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
