package nl.metrokaart.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a server to become ready, failing with a message that names the server. */
public final class Readiness {

    /**
     * {@code -Dmetrokaart.readiness.factor=N} waits N times as long for every server: on a machine whose cores are
     * busy with other work (a benchmark beside builds) Keycloak alone can take longer than its usual two minutes.
     */
    private static final int FACTOR = Math.max(1, Integer.getInteger("metrokaart.readiness.factor", 1));

    private Readiness() {
    }

    public static void await(String server, Duration usualTimeout, BooleanSupplier ready) {
        Duration timeout = usualTimeout.multipliedBy(FACTOR);
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
