package nl.metrokaart.newsletter.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import nl.metrokaart.platform.retention.RetentionRule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sent and failed mail goes after its retention (the platform's Retention job runs the rule). */
@ApplicationScoped
public class MailRetention {

    @ConfigProperty(name = "metrokaart.retention.mails", defaultValue = "P30D")
    Duration mails;

    @Produces
    RetentionRule sentMails() {
        return new RetentionRule("sent or failed mails", "outgoing_mail",
                "(sent_at < :before OR failed_at < :before)", mails);
    }
}
