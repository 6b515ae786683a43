package nl.metrokaart.platform.retry;

import java.time.Duration;

/**
 * Exponential back-off between attempts of something that failed for a passing reason: the initial delay after the
 * first failure, doubled after each next one, never more than the maximum. The inbox waits this long in process;
 * the mail relay and webhook dispatcher store the next attempt time it gives, so a retry survives a restart
 * (which is why SmallRye Fault Tolerance's in-call {@code @Retry} does not fit them).
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay after the given number of failed attempts (1 or more): initial × 2^(failures−1), at most max. */
    public Duration after(int failedAttempts) {
        int doublings = Math.max(failedAttempts - 1, 0);
        if (initial.isZero()) {
            return initial;
        }
        if (doublings > 62) {
            return max; // initial × 2^63 is centuries, beyond any maximum worth configuring
        }
        Duration delay;
        try {
            delay = initial.multipliedBy(1L << doublings);
        } catch (ArithmeticException e) {
            return max;
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
