package nl.metrokaart.newsletter.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each delivery checks the callback URL again: what was public at registration may not be any more. */
class WebhookSenderTest {

    private static WebhookSender sender(boolean allowPrivateAddresses) {
        WebhookSender sender = new WebhookSender();
        sender.allowPrivateAddresses = allowPrivateAddresses;
        sender.connectTimeout = Duration.ofSeconds(2);
        sender.timeout = Duration.ofSeconds(2);
        sender.init();
        return sender;
    }

    @Test
    void aDeliveryToANonPublicAddressIsNotSentAndCountsAsAFailedAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            WebhookSender.Outcome outcome = sender(false).send(receiver.url(), WebhookSignatures.newSecret(), "m1", "{}");
            assertFalse(outcome.success());
            assertNull(outcome.status());
            assertTrue(outcome.detail().startsWith("not sent: callbackUrl resolves to 127.0.0.1, a loopback address"),
                    outcome.detail());
            assertThat(receiver.received, hasSize(0));
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(307)) {
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), WebhookSignatures.newSecret(), "m2", "{}");
            assertFalse(outcome.success());
            assertEquals(307, outcome.status());
            assertEquals("answered HTTP 307", outcome.detail());
            assertThat(receiver.received, hasSize(1));
        }
    }
}
