package nl.metrokaart.newsletter.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.rest.PublicUrls;

/**
 * A mail to one subscriber, in their language: greeting, the text, and a footer with a working link to end the
 * subscription, which is also in the {@code List-Unsubscribe} header with {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 8058), so mail programs offer "unsubscribe" and can do it in one click.
 */
@ApplicationScoped
public class SubscriberMail {

    /** Where the links in mails lead ({@link SubscriptionLinkResource}): below the API root, a path each. */
    static final String LINKS_ROOT = "/api/v1";
    static final String UNSUBSCRIBE = "unsubscriptions";
    static final String CONFIRMATION = "subscription-confirmations";
    public static final String UNSUBSCRIBE_PATH = LINKS_ROOT + "/" + UNSUBSCRIBE;
    public static final String CONFIRMATION_PATH = LINKS_ROOT + "/" + CONFIRMATION;

    @Inject
    Translations translations;

    public Texts texts(Subscription subscription) {
        return translations.of(subscription.language());
    }

    /** Greeting, the body, then the footer with the unsubscribe link. */
    public MailMessage text(Subscription subscription, String subject, String body, String footer) {
        Texts t = texts(subscription);
        String text = t.greeting(subscription.name) + "\n\n" + body.strip() + "\n\n-- \n" + footer + "\n"
                + t.footerUnsubscribe(unsubscribeUrl(subscription)) + "\n";
        return listHeaders(MailMessage.text(subscription.email, "[Metrokaart] " + subject, text), subscription);
    }

    public MailMessage text(Subscription subscription, String subject, String body) {
        return text(subscription, subject, body, texts(subscription).footerSubscription());
    }

    /** The List-Unsubscribe headers of a mail to this subscriber. */
    public MailMessage listHeaders(MailMessage message, Subscription subscription) {
        return message.withHeader("List-Unsubscribe", "<" + unsubscribeUrl(subscription) + ">")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    public String unsubscribeUrl(Subscription subscription) {
        return base() + UNSUBSCRIBE_PATH + "?key=" + subscription.linkToken;
    }

    public String confirmationUrl(Subscription subscription) {
        return base() + CONFIRMATION_PATH + "?key=" + subscription.linkToken;
    }

    /** Where people reach the suite: the gateway's public base URL (metrokaart.public-base-url). */
    private static String base() {
        return PublicUrls.baseUrl();
    }
}
