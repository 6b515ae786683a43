package nl.metrokaart.newsletter.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import nl.metrokaart.infra.testing.SmtpResource;
import nl.metrokaart.newsletter.subscription.TestSubscriptions;
import org.junit.jupiter.api.Test;

/** Queued mail survives an SMTP outage: failed attempts are recorded and retried with back-off until sent. */
@QuarkusTest
class MailRelayTest {

    @Inject
    MailQueue queue;

    @Inject
    MailRelay relay;

    @Test
    void noMailIsLostWhileTheSmtpServerIsDown() {
        String recipient = TestSubscriptions.address("outage");
        SmtpResource.server().stop();
        UUID id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> queue.queue(MailMessage.text(recipient, "During the outage",
                    "Sent once the server is back.").withAttachment(MailMessage.Attachment.text("note.txt", "text/plain", "hello")))).id;
            relay.relay();
            OutgoingMail failed = find(id);
            assertNull(failed.sentAt);
            assertTrue(failed.attempts >= 1);
            assertNotNull(failed.lastError);
            assertTrue(failed.nextAttemptAt.isAfter(failed.createdAt), "retried later, not at once");
        } finally {
            SmtpResource.server().restart();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.relay();
            return find(id).sentAt != null;
        });
        assertEquals(1, Mails.awaitTo(recipient, 1).size());
        assertEquals("During the outage", Mails.subject(Mails.to(recipient).get(0)));
        String attachment = Mails.attachment(Mails.to(recipient).get(0), "note.txt");
        assertTrue(attachment.startsWith("hello\n--content-type: text/plain"), attachment);
        // Sent is sent: relaying again sends nothing more.
        relay.relay();
        assertEquals(1, Mails.to(recipient).size());
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        // Test configuration: base 1 s, maximum 2 s.
        assertEquals(Duration.ofSeconds(1), relay.backOff(1));
        assertEquals(Duration.ofSeconds(2), relay.backOff(2));
        assertEquals(Duration.ofSeconds(2), relay.backOff(30));
    }

    private static OutgoingMail find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutgoingMail.<OutgoingMail>findById(id));
    }
}
