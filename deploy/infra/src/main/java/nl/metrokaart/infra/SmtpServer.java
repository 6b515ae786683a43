package nl.metrokaart.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server in this JVM (GreenMail), for tests and the local run: it accepts every message, keeps it in
 * memory ({@link #receivedMessages()}) and, when given a directory, also writes each one there as an {@code .eml}
 * file any mail client opens.
 */
public final class SmtpServer implements AutoCloseable {

    private GreenMail greenMail;
    private final int port;
    private final Path mailDir;
    private final ScheduledExecutorService writer;
    private int written;
    private MimeMessage[] earlier = new MimeMessage[0];

    private SmtpServer(int port, Path mailDir) {
        this.port = Ports.orFree(port);
        this.mailDir = mailDir;
        this.greenMail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
        if (mailDir == null) {
            writer = null;
        } else {
            try {
                Files.createDirectories(mailDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + mailDir, e);
            }
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "smtp-mail-dir");
                thread.setDaemon(true);
                return thread;
            });
            writer.scheduleWithFixedDelay(this::writeNew, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a server on {@code smtpPort} (0 for a free one); {@code mailDir} may be null. */
    public static SmtpServer start(int smtpPort, Path mailDir) {
        return new SmtpServer(smtpPort, mailDir);
    }

    public int port() {
        return port;
    }

    /** Every message received so far, in order of receipt. */
    public synchronized MimeMessage[] receivedMessages() {
        MimeMessage[] now = greenMail.getReceivedMessages();
        MimeMessage[] all = java.util.Arrays.copyOf(earlier, earlier.length + now.length);
        System.arraycopy(now, 0, all, earlier.length, now.length);
        return all;
    }

    /** Takes the server away (connections are refused) until {@link #restart()}; tests of "SMTP is down". */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Brings a stopped server back on the same port; messages received before the stop are kept. */
    public synchronized void restart() {
        MimeMessage[] before = greenMail.getReceivedMessages();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        earlier = before;
    }

    /** Forgets the messages received so far (tests that count what they cause). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
            earlier = new MimeMessage[0];
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge the mailboxes", e);
        }
    }

    private synchronized void writeNew() {
        MimeMessage[] messages = receivedMessages();
        if (messages.length < written) {
            written = 0; // purged
        }
        for (int i = written; i < messages.length; i++) {
            Path file = mailDir.resolve(String.format("%05d-%d.eml", i + 1, System.currentTimeMillis()));
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[i].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("Could not write received mail to " + file + ": " + e.getMessage());
            }
        }
        written = messages.length;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdown();
            writeNew();
        }
        greenMail.stop();
    }
}
