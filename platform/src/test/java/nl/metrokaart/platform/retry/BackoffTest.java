package nl.metrokaart.platform.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(6));
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(240), backoff.after(4));
        assertEquals(Duration.ofMinutes(6), backoff.after(5));
        assertEquals(Duration.ofMinutes(6), backoff.after(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(30), backoff.after(0));
    }

    @Test
    void aZeroDelayStaysZeroAndAMaximumBelowTheInitialDelayIsRefused() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ofSeconds(1)).after(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }
}
