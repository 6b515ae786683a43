package nl.metrokaart.newsletter.mail;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nl.metrokaart.infra.testing.SmtpResource;

/** Reads what the real SMTP server (GreenMail) received. */
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
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
