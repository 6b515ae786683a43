package nl.metrokaart.newsletter.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.retention.RetentionRule;

/**
 * Queues e-mail in the caller's transaction: the mail exists exactly when the reason to send it does, and
 * {@link MailRelay} sends it whether or not the SMTP server is up at that moment.
 */
@ApplicationScoped
public class MailQueue {

    /** Sent and failed mail goes after {@code metrokaart.retention.mails} (the platform's Retention job runs the rule). */
    @Produces
    static RetentionRule sentMails() {
        return RetentionRule.configured("mails", Duration.ofDays(30), "sent or failed mails", "outgoing_mail",
                "(sent_at < :before OR failed_at < :before)");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutgoingMail queue(MailMessage message) {
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.recipients = new ArrayList<>(message.recipients());
        mail.subject = message.subject();
        mail.text = message.text();
        mail.html = message.html();
        if (message.attachment() != null) {
            mail.attachmentName = message.attachment().name();
            mail.attachmentContentType = message.attachment().contentType();
            mail.attachmentData = message.attachment().data();
        }
        if (message.inline() != null) {
            mail.inlineName = message.inline().name();
            mail.inlineContentType = message.inline().contentType();
            mail.inlineContentId = message.inline().contentId();
            mail.inlineData = message.inline().data();
        }
        mail.headers = new java.util.LinkedHashMap<>(message.headers());
        mail.createdAt = StoredTime.now();
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
        return mail;
    }

    /**
     * One mail per address (recipients do not see each other), each address once however many of the given
     * items carry it (compared without regard to case).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> int queueToEach(Collection<T> recipients, Function<T, String> address, Function<T, MailMessage> message) {
        Map<String, T> byAddress = new LinkedHashMap<>();
        recipients.forEach(r -> byAddress.putIfAbsent(address.apply(r).toLowerCase(Locale.ROOT), r));
        byAddress.values().forEach(r -> queue(message.apply(r)));
        return byAddress.size();
    }

}
