package nl.metrokaart.newsletter.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint the test runs on 127.0.0.1: answers each request with the next planned status (then the
 * default), records what it got, and checks signatures with its own HMAC, independent of the service's code.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String contentType, String body, String host) {
    }

    private final HttpServer server;
    private final Deque<Integer> planned = new ArrayDeque<>();
    private final int defaultStatus;
    /** While down, a request gets no answer at all: the connection closes, as when the receiver is away. */
    private volatile boolean down;
    /** How long each answer waits, as a slow endpoint does. */
    private volatile long delayMillis;
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(int defaultStatus, Integer... firstStatuses) throws IOException {
        this.defaultStatus = defaultStatus;
        planned.addAll(List.of(firstStatuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            if (down) {
                exchange.close();
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> h = exchange.getRequestHeaders();
            received.add(new Received(h.getOrDefault("webhook-id", List.of()).stream().findFirst().orElse(null),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Host")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status;
            synchronized (planned) {
                status = planned.isEmpty() ? defaultStatus : planned.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    void down(boolean down) {
        this.down = down;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> ofType(String type) {
        return received.stream().filter(r -> r.body().contains("\"type\":\"" + type + "\"")).toList();
    }

    /** The Standard Webhooks signature, computed here with javax.crypto directly. */
    static String expectedSignature(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
