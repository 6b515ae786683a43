package nl.metrokaart.newsletter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        // The example of the Standard Webhooks specification and its reference libraries.
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void secretsAreFreshRandomKeysInTheWhsecFormat() {
        String one = WebhookSignatures.newSecret();
        String two = WebhookSignatures.newSecret();
        assertTrue(one.startsWith("whsec_"), one);
        assertTrue(Base64.getDecoder().decode(one.substring(6)).length >= 24);
        assertNotEquals(one, two);
    }

    @Test
    void backOffDoublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofSeconds(30);
        Duration cap = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(30), WebhookDispatcher.backOff(initial, cap, 1));
        assertEquals(Duration.ofSeconds(60), WebhookDispatcher.backOff(initial, cap, 2));
        assertEquals(Duration.ofSeconds(120), WebhookDispatcher.backOff(initial, cap, 3));
        assertEquals(Duration.ofSeconds(240), WebhookDispatcher.backOff(initial, cap, 4));
        assertEquals(cap, WebhookDispatcher.backOff(initial, cap, 5));
        assertEquals(cap, WebhookDispatcher.backOff(initial, cap, 500));
    }
}
