package nl.metrokaart.newsletter.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed CloudEvent to a callback URL and tells what came back. The URL is checked by the
 * {@link CallbackGuard} right before each send, and the connection goes to the very address that check vetted
 * (the URL's host is still the Host header and the TLS server name); redirects are not followed (a 3xx is a
 * failed attempt).
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

    @Inject
    Vertx vertx;

    private HttpClient client;
    CallbackGuard guard; // replaceable in tests, with a resolver of their own

    @PostConstruct
    void init() {
        guard = new CallbackGuard(allowPrivateAddresses);
        // No pooled connections: each attempt connects to the address vetted for it.
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
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
        CallbackGuard.Target target;
        try {
            target = guard.target(callbackUrl);
        } catch (CallbackGuard.RefusedCallback e) {
            return new Outcome(null, "not sent: callbackUrl " + e.getMessage(), 0);
        }
        URI uri = target.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                        : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", CLOUDEVENTS_JSON)
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignatures.sign(secret, messageId, timestamp, body))
                .putHeader("User-Agent", "Metrokaart-Webhooks/1.0");
        try {
            // The answer's body is not read: only its status counts, and a receiver cannot make us buffer it.
            int status = client.request(request)
                    .compose(sent -> sent.send(Buffer.buffer(body)))
                    .map(response -> response.statusCode())
                    .toCompletionStage().toCompletableFuture()
                    .get(maxAttemptDuration().toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(status, status / 100 == 2 ? "accepted" : "answered HTTP " + status, millisSince(started));
        } catch (TimeoutException e) {
            return new Outcome(null, "no answer within " + timeout.toMillis() + " ms", millisSince(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) { // the idle timeout: connected, but no answer in time
                return new Outcome(null, "no answer within " + timeout.toMillis() + " ms", millisSince(started));
            }
            return new Outcome(null, "could not connect: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
