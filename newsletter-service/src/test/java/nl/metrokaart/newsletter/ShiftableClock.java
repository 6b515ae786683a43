package nl.metrokaart.newsletter;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests: the real time in the programme's zone, shifted by whatever a test sets (and
 * resets). Tests of "due in N days" move today instead of waiting for it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void shift(Duration by) {
        offset = by;
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Europe/Amsterdam");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
