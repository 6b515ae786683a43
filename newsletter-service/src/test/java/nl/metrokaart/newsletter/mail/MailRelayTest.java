package nl.metrokaart.newsletter.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.SmtpResource;
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

    @Test
    void aMailTheServerRefusesForGoodEndsAsFailedAndIsNotTriedAgain() {
        String recipient = TestSubscriptions.address("refused");
        MailRelay.Claimed claimed = queuedAndClaimed(MailMessage.text(recipient, "Refused", "The server says no."));
        UUID id = claimed.id();
        // What the SMTP server answers to a mailbox that does not exist (5xx: permanent).
        SMTPException refusal = new SMTPException("RCPT TO", 550, List.of("550 5.1.1 mailbox unavailable"), false);
        QuarkusTransaction.requiringNew().run(() -> relay.record(claimed, refusal));
        OutgoingMail failed = find(id);
        assertNotNull(failed.failedAt);
        assertNull(failed.sentAt);
        assertEquals(1, failed.attempts);
        assertTrue(failed.lastError.contains("550"), failed.lastError);
        expireLease(id);
        relay.relay();
        assertEquals(0, Mails.to(recipient).size(), "a refused mail is not sent again");
        assertNull(find(id).sentAt);
    }

    @Test
    void aRelayWhoseLeaseRanOutCannotUndoTheSendOfTheOneThatTookOver() {
        String recipient = TestSubscriptions.address("fenced");
        MailRelay.Claimed byA = queuedAndClaimed(MailMessage.text(recipient, "Fenced", "Sent once."));
        UUID id = byA.id();
        // A stalls past its lease; B (another instance) claims the mail again and sends it.
        MailRelay.Claimed byB = QuarkusTransaction.requiringNew().call(() -> {
            OutgoingMail.update("nextAttemptAt = ?1 where id = ?2", java.time.Instant.now().minusSeconds(3600), id);
            return claimedOf(relay.claim(), id);
        });
        QuarkusTransaction.requiringNew().run(() -> relay.record(byB, null));
        QuarkusTransaction.requiringNew().run(() -> relay.record(byA, new IllegalStateException("SMTP timed out")));
        OutgoingMail mail = find(id);
        assertNotNull(mail.sentAt, "B's send stands");
        assertEquals(0, mail.attempts);
        assertNull(mail.lastError);
    }

    /** Queues a mail and claims it in one transaction, so the scheduled relay never sees it unclaimed. */
    private MailRelay.Claimed queuedAndClaimed(MailMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutgoingMail mail = queue.queue(message);
            // Due before whatever other tests left due, so that it is in the claimed batch.
            mail.nextAttemptAt = mail.createdAt.minusSeconds(3600);
            OutgoingMail.flush();
            return claimedOf(relay.claim(), mail.id);
        });
    }

    private static MailRelay.Claimed claimedOf(List<MailRelay.Claimed> batch, UUID id) {
        return batch.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static void expireLease(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> OutgoingMail.update("nextAttemptAt = ?1 where id = ?2",
                java.time.Instant.now().minusSeconds(1), id));
    }

    private static OutgoingMail find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutgoingMail.<OutgoingMail>findById(id));
    }
}
