package nl.metrokaart.newsletter.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each delivery checks the callback URL again (what was public at registration may not be any more) and connects
 * to the address it checked.
 */
class WebhookSenderTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static WebhookSender sender(boolean allowPrivateAddresses) {
        WebhookSender sender = new WebhookSender();
        sender.allowPrivateAddresses = allowPrivateAddresses;
        sender.connectTimeout = Duration.ofSeconds(2);
        sender.timeout = Duration.ofSeconds(2);
        sender.vertx = vertx;
        sender.init();
        return sender;
    }

    @Test
    void theDeliveryGoesToTheAddressThatWasCheckedNotToWhatTheNameResolvesToLater() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(204)) {
            WebhookSender sender = sender(true);
            // The check resolves this name to the receiver's address; no DNS knows it, so were the name resolved
            // again for the connection (where a rebinding attacker would answer differently), the send would fail.
            sender.guard = new CallbackGuard(true, host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
            int port = URI.create(receiver.url()).getPort();
            WebhookSender.Outcome outcome = sender.send("http://hooks.metrokaart.invalid:" + port + "/hook?client=crm",
                    WebhookSignatures.newSecret(), "m3", "{\"specversion\":\"1.0\"}");
            assertEquals(204, outcome.status(), outcome.detail());
            assertTrue(outcome.success());
            assertThat(receiver.received, hasSize(1));
            assertEquals("hooks.metrokaart.invalid:" + port, receiver.received.get(0).host());
            assertEquals("{\"specversion\":\"1.0\"}", receiver.received.get(0).body());
            assertEquals("m3", receiver.received.get(0).id());
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            WebhookSender sender = sender(true);
            sender.timeout = Duration.ofMillis(300);
            WebhookSender.Outcome outcome = sender.send("http://127.0.0.1:" + silent.getLocalPort() + "/hook",
                    WebhookSignatures.newSecret(), "m4", "{}");
            assertFalse(outcome.success());
            assertNull(outcome.status());
            assertEquals("no answer within 300 ms", outcome.detail());
        }
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
