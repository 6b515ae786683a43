package nl.metrokaart.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpServerTest {

    private static final List<String> MAILBOXES = List.of("secretaris@schoonhoven.nl", "secretaris@vlist.nl",
            "secretaris@nederlek.nl");

    @TempDir
    Path mailDir;

    /** Mails interleaved over several mailboxes, one to two of them, a second batch from four senders at once. */
    @Test
    void everyMailReceivedIsOneFileNumberedInOrderOfArrival() throws Exception {
        try (SmtpServer server = SmtpServer.start(0, mailDir)) {
            Session session = session(server.port());
            List<String> subjects = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                String subject = "mail " + i;
                subjects.add(subject);
                send(session, subject, MAILBOXES.get(i % MAILBOXES.size()), i % 4 == 0 ? MAILBOXES.get(0) : null);
            }
            assertEquals(subjects, Stream.of(server.receivedMessages()).map(SmtpServerTest::subject).toList());
            assertEquals(subjects, files().stream().map(SmtpServerTest::subjectOf).toList(), "one file each, in order of arrival");

            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 10; i <= 29; i++) {
                String subject = "mail " + i;
                String to = MAILBOXES.get(i % MAILBOXES.size());
                sent.add(senders.submit(() -> {
                    send(session, subject, to, null);
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
            senders.shutdown();
            List<Path> files = files();
            assertEquals(29, files.size());
            List<String> inFiles = files.stream().map(SmtpServerTest::subjectOf).toList();
            assertEquals(29, inFiles.stream().distinct().count(), "no mail written twice, none left out: " + inFiles);
            assertEquals(inFiles, Stream.of(server.receivedMessages()).map(SmtpServerTest::subject).toList());
            for (int i = 0; i < files.size(); i++) {
                assertEquals(String.format("%05d-", i + 1), files.get(i).getFileName().toString().substring(0, 6));
            }
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.sorted().toList();
        }
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(properties);
    }

    private static void send(Session session, String subject, String to, String cc) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("programmabureau@metrokaart.example.nl"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        if (cc != null) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        }
        message.setSubject(subject);
        message.setText("Hallo");
        Transport.send(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return subject(new MimeMessage(Session.getInstance(new Properties()), in));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
