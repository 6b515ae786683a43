package nl.metrokaart.platform.retention;

import java.time.Duration;

/**
 * Rows of one table that may go once they are older than {@link #keep()}: {@code condition} is an SQL condition on
 * that table with the parameter {@code :before} (now minus keep), e.g. {@code published_at < :before}. A service
 * contributes its own rules as CDI beans; {@link Retention} applies them all.
 */
public record RetentionRule(String name, String table, String condition, Duration keep) {
}
