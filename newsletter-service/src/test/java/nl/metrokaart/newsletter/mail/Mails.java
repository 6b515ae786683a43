package nl.metrokaart.newsletter.mail;

import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nl.metrokaart.platform.testing.MailMessages;
import nl.metrokaart.platform.testing.SmtpResource;

/** Reads what the real SMTP server (GreenMail) received; the parts of a message through {@link MailMessages}. */
public final class Mails {

    private Mails() {
    }

    /** Every message received so far addressed to this recipient. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(SmtpResource.server().receivedMessages()).filter(m -> recipients(m).contains(recipient)).toList();
    }

    /** Waits until at least {@code count} messages to this recipient arrived, and returns them. */
    public static List<MimeMessage> awaitTo(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> to(recipient).size() >= count);
        return to(recipient);
    }

    public static List<String> recipients(MimeMessage message) {
        return MailMessages.recipients(message);
    }

    /** Every text part of a message (plain and HTML), concatenated; attachments as text too. */
    public static String content(MimeMessage message) {
        return MailMessages.content(message);
    }

    /** The attachment with this file name, as text, or null. */
    public static String attachment(MimeMessage message, String fileName) {
        return MailMessages.attachment(message, fileName);
    }

    public static String subject(MimeMessage message) {
        return MailMessages.subject(message);
    }
}
