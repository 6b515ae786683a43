package nl.metrokaart.infra;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A real SMTP server in this JVM (GreenMail), for tests and the local run: it accepts every message, keeps it in
 * memory ({@link #receivedMessages()}) and, when given a directory, also writes each one there as an {@code .eml}
 * file any mail client opens.
 *
 * <p>A mail is taken as GreenMail delivers it (its {@link MessageDeliveryHandler}), not from GreenMail's message
 * list afterwards: that list is ordered by mailbox, not by arrival. So each mail received is kept and written
 * exactly once, however many recipients it has, numbered in order of arrival.
 */
public final class SmtpServer implements AutoCloseable {

    private GreenMail greenMail;
    private final int port;
    private final Path mailDir;
    private final List<MimeMessage> received = new ArrayList<>();
    /** The mails already taken: GreenMail calls the handler once per recipient of one mail. */
    private final Set<MovingMessage> taken = Collections.newSetFromMap(new WeakHashMap<>());
    private int numbered;

    private SmtpServer(int port, Path mailDir) {
        this.port = Ports.orFree(port);
        this.mailDir = mailDir;
        if (mailDir != null) {
            try {
                Files.createDirectories(mailDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + mailDir, e);
            }
        }
        this.greenMail = startGreenMail();
    }

    /** Starts a server on {@code smtpPort} (0 for a free one); {@code mailDir} may be null. */
    public static SmtpServer start(int smtpPort, Path mailDir) {
        return new SmtpServer(smtpPort, mailDir);
    }

    public int port() {
        return port;
    }

    /** Every message received so far, once each, in order of arrival. */
    public synchronized MimeMessage[] receivedMessages() {
        return received.toArray(MimeMessage[]::new);
    }

    /** Takes the server away (connections are refused) until {@link #restart()}; tests of "SMTP is down". */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Brings a stopped server back on the same port; messages received before the stop are kept. */
    public synchronized void restart() {
        greenMail = startGreenMail();
    }

    /** Forgets the messages received so far (tests that count what they cause); files already written stay. */
    public synchronized void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge the mailboxes", e);
        }
        received.clear();
    }

    private GreenMail startGreenMail() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MessageDeliveryHandler mailboxes = server.getUserManager().getMessageDeliveryHandler();
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            take(message);
            return mailboxes.handle(message, recipient);
        });
        server.start();
        return server;
    }

    private synchronized void take(MovingMessage message) {
        if (!taken.add(message)) {
            return;
        }
        received.add(message.getMessage());
        numbered++;
        if (mailDir != null) {
            write(message.getMessage(), mailDir.resolve(String.format("%05d-%d.eml", numbered, System.currentTimeMillis())));
        }
    }

    private static void write(MimeMessage message, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            System.err.println("Could not write received mail to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        greenMail.stop();
    }
}
