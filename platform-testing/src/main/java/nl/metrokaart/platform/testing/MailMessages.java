package nl.metrokaart.platform.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads mails as tests see them: what the {@link nl.metrokaart.infra.SmtpServer} received, or an {@code .eml} file
 * it wrote to its mail directory. Recipients, subject, the text of every part, one attachment.
 */
public final class MailMessages {

    private MailMessages() {
    }

    /** An {@code .eml} file, as the SMTP server wrote it. */
    public static MimeMessage read(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + eml, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Not a mail: " + eml, e);
        }
    }

    /** The To addresses. */
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

    /** Every text part of a message (plain and HTML), concatenated; attachments as text too. */
    public static String content(MimeMessage message) {
        try {
            return content((Part) message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(content(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

    /** The attachment with this file name, as text followed by a line {@code --content-type: <its type>}, or null. */
    public static String attachment(MimeMessage message, String fileName) {
        try {
            if (!(message.getContent() instanceof Multipart multipart)) {
                return null;
            }
            return attachment(multipart, fileName);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attachment(Multipart multipart, String fileName) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return content(part) + "\n--content-type: " + part.getContentType();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = attachment(nested, fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
