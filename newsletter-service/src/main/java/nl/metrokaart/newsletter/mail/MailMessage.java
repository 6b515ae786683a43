package nl.metrokaart.newsletter.mail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An e-mail to queue: recipients, subject, a plain text body, optionally HTML, one attachment, one inline image
 * (referred to from the HTML as {@code cid:<contentId>}) and extra headers (e.g. List-Unsubscribe).
 */
public record MailMessage(List<String> recipients, String subject, String text, String html, Attachment attachment,
        Inline inline, Map<String, String> headers) {

    public static MailMessage text(String recipient, String subject, String text) {
        return new MailMessage(List.of(recipient), subject, text, null, null, null, Map.of());
    }

    public MailMessage withHtml(String html) {
        return new MailMessage(recipients, subject, text, html, attachment, inline, headers);
    }

    public MailMessage withAttachment(Attachment attachment) {
        return new MailMessage(recipients, subject, text, html, attachment, inline, headers);
    }

    public MailMessage withInline(Inline inline) {
        return new MailMessage(recipients, subject, text, html, attachment, inline, headers);
    }

    public MailMessage withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MailMessage(recipients, subject, text, html, attachment, inline, Map.copyOf(more));
    }

    /** A file sent along, e.g. a meeting as {@code text/calendar; method=REQUEST}. */
    public record Attachment(String name, String contentType, byte[] data) {

        public static Attachment text(String name, String contentType, String text) {
            return new Attachment(name, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An image shown inside the HTML part, e.g. {@code <img src="cid:metro-map">}. */
    public record Inline(String name, String contentType, String contentId, byte[] data) {
    }
}
