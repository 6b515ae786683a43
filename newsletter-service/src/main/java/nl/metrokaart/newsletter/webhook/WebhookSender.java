package nl.metrokaart.newsletter.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed CloudEvent to a callback URL and tells what came back. The URL is checked by the
 * {@link CallbackGuard} right before each send; redirects are not followed (a 3xx is a failed attempt).
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    @ConfigProperty(name = "metrokaart.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @ConfigProperty(name = "metrokaart.webhooks.connect-timeout", defaultValue = "PT3S")
    Duration connectTimeout;

    @ConfigProperty(name = "metrokaart.webhooks.timeout", defaultValue = "PT5S")
    Duration timeout;

    private HttpClient client;
    private CallbackGuard guard;

    @PostConstruct
    void init() {
        guard = new CallbackGuard(allowPrivateAddresses);
        client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public CallbackGuard guard() {
        return guard;
    }

    /** How long one attempt may take at most, connecting included. */
    public Duration maxAttemptDuration() {
        return connectTimeout.plus(timeout);
    }

    /** What one attempt gave: the HTTP status, or null with what went wrong instead. */
    public record Outcome(Integer status, String detail, long durationMillis) {
        public boolean success() {
            return status != null && status / 100 == 2;
        }
    }

    public Outcome send(String callbackUrl, String secret, String messageId, String body) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = guard.check(callbackUrl);
        } catch (CallbackGuard.RefusedCallback e) {
            return new Outcome(null, "not sent: callbackUrl " + e.getMessage(), 0);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", CLOUDEVENTS_JSON)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.sign(secret, messageId, timestamp, body))
                .header("User-Agent", "Metrokaart-Webhooks/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status / 100 == 2 ? "accepted" : "answered HTTP " + status, millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + timeout.toMillis() + " ms", millisSince(started));
        } catch (IOException e) {
            return new Outcome(null, "could not connect: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
