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

    /** Every text part of a message (plain and HTML), concatenated; attachments as text too. */
    public static String content(MimeMessage message) {
        try {
            return content((jakarta.mail.Part) message);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(content(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof java.io.InputStream in) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

    /** The attachment with this file name, as text, or null. */
    public static String attachment(MimeMessage message, String fileName) {
        try {
            if (!(message.getContent() instanceof jakarta.mail.Multipart multipart)) {
                return null;
            }
            return attachment(multipart, fileName);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attachment(jakarta.mail.Multipart multipart, String fileName) throws MessagingException, java.io.IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return content(part) + "\n--content-type: " + part.getContentType();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String found = attachment(nested, fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
