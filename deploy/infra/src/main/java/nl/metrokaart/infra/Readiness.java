package nl.metrokaart.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a server to become ready, failing with a message that names the server. */
public final class Readiness {

    private Readiness() {
    }

    public static void await(String server, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + server, e);
            }
        }
        throw new IllegalStateException(server + " did not become ready within " + timeout.toSeconds() + " s");
    }
}
