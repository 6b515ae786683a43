package nl.metrokaart.platform.retention;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Rows of one table that may go once they are older than {@link #keep()}: {@code condition} is an SQL condition on
 * that table with the parameter {@code :before} (now minus keep), e.g. {@code published_at < :before}. A service
 * contributes its own rules as CDI beans; {@link Retention} applies them all.
 */
public record RetentionRule(String name, String table, String condition, Duration keep) {

    /**
     * A rule kept for {@code metrokaart.retention.<property>} (an ISO-8601 duration, e.g. {@code P30D}), or
     * {@code defaultKeep} when that is not configured: how every rule is declared, so each is configured alike.
     */
    public static RetentionRule configured(String property, Duration defaultKeep, String name, String table,
            String condition) {
        Duration keep = ConfigProvider.getConfig().getOptionalValue("metrokaart.retention." + property, Duration.class)
                .orElse(defaultKeep);
        return new RetentionRule(name, table, condition, keep);
    }
}
