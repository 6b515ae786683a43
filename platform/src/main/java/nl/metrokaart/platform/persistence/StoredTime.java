package nl.metrokaart.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL stores (microseconds), so that the answer to a write equals what a later
 * read returns, and so does the ETag derived from it.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant of(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
