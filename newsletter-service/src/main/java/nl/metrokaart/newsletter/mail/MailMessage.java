package nl.metrokaart.newsletter.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** An e-mail to queue: recipients, subject, a plain text body, optionally HTML and one attachment. */
public record MailMessage(List<String> recipients, String subject, String text, String html, Attachment attachment) {

    public static MailMessage text(String recipient, String subject, String text) {
        return new MailMessage(List.of(recipient), subject, text, null, null);
    }

    public MailMessage withHtml(String html) {
        return new MailMessage(recipients, subject, text, html, attachment);
    }

    public MailMessage withAttachment(Attachment attachment) {
        return new MailMessage(recipients, subject, text, html, attachment);
    }

    /** A file sent along, e.g. a meeting as {@code text/calendar; method=REQUEST}. */
    public record Attachment(String name, String contentType, byte[] data) {

        public static Attachment text(String name, String contentType, String text) {
            return new Attachment(name, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
