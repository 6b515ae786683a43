package nl.metrokaart.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every retention rule is configured the same way: its own property, else its default. */
class RetentionRuleTest {

    @Test
    void aRuleKeepsItsConfiguredDurationOrItsDefault() {
        // src/test/resources/META-INF/microprofile-config.properties sets metrokaart.retention.configured-rule=P2D.
        assertEquals(Duration.ofDays(2), RetentionRule.configured("configured-rule", Duration.ofDays(9), "test rows",
                "t", "at < :before").keep());
        RetentionRule unset = RetentionRule.configured("unset-rule", Duration.ofHours(3), "test rows", "t", "at < :before");
        assertEquals(Duration.ofHours(3), unset.keep());
        assertEquals("t", unset.table());
        assertEquals("at < :before", unset.condition());
    }

    @Test
    void thePipelinesOwnRulesKeepPublishedEventsAWeekAndInboxMarksAMonth() {
        RetentionRule outbox = Retention.outboxRule();
        assertEquals("outbox_event", outbox.table());
        assertEquals("published_at < :before", outbox.condition(), "never a pending or parked event");
        assertEquals(Duration.ofDays(7), outbox.keep());
        RetentionRule inbox = Retention.inboxRule();
        assertEquals("inbox_event", inbox.table());
        assertEquals(Duration.ofDays(30), inbox.keep());
    }
}
