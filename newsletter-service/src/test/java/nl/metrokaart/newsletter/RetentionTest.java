package nl.metrokaart.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.retention.Retention;
import org.junit.jupiter.api.Test;

/**
 * The retention job deletes, by age, published outbox events, inbox marks, sent mail and settled webhook
 * deliveries, and leaves what is recent or still to do; a second run at once (another instance) deletes nothing more.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void oldSettledRowsGoAndRecentOrPendingOnesStay() {
        Instant old = Instant.now().minus(400, ChronoUnit.DAYS);
        String oldInbox = "retention|" + UUID.randomUUID();
        String recentInbox = "retention|" + UUID.randomUUID();
        UUID oldEvent = UUID.randomUUID();
        UUID pendingOldEvent = UUID.randomUUID();
        UUID oldMail = UUID.randomUUID();
        UUID unsentOldMail = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insertInbox(oldInbox, old);
            insertInbox(recentInbox, Instant.now());
            insertOutbox(oldEvent, old, old);
            insertOutbox(pendingOldEvent, old, null);
            insertMail(oldMail, old, true);
            insertMail(unsentOldMail, old, false);
        });

        Map<String, Long> deleted = retention.run();
        assertEquals(4, deleted.size(), deleted.toString());

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, count("inbox_event", "event_id", oldInbox));
            assertEquals(1, count("inbox_event", "event_id", recentInbox));
            assertEquals(0, count("outbox_event", "event_id", oldEvent));
            assertEquals(1, count("outbox_event", "event_id", pendingOldEvent), "not yet published: kept");
            assertEquals(0, count("outgoing_mail", "id", oldMail));
            assertEquals(1, count("outgoing_mail", "id", unsentOldMail), "not yet sent: kept");
            entityManager.createNativeQuery("DELETE FROM outbox_event WHERE event_id = :id")
                    .setParameter("id", pendingOldEvent).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM outgoing_mail WHERE id = :id")
                    .setParameter("id", unsentOldMail).executeUpdate();
        });
        assertEquals(0L, retention.run().values().stream().mapToLong(Long::longValue).sum());
    }

    private long count(String table, String column, Object value) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :v")
                .setParameter("v", value).getSingleResult()).longValue();
    }

    private void insertInbox(String id, Instant at) {
        entityManager.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES ('retention', :id, :at)")
                .setParameter("id", id).setParameter("at", at).executeUpdate();
    }

    private void insertOutbox(UUID id, Instant at, Instant publishedAt) {
        // Parked, so that the relay leaves the pending one alone during the test.
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, event_key, type, source, recorded_at, data, %s)
                        VALUES (:id, 'metrokaart.test.retention', 'k', 'nl.metrokaart.test.retention', 'urn:test', :at, '{}'::jsonb,
                                :at)""".formatted(publishedAt == null ? "parked_at" : "published_at"))
                .setParameter("id", id).setParameter("at", at).executeUpdate();
    }

    private void insertMail(UUID id, Instant at, boolean sent) {
        entityManager.createNativeQuery("""
                        INSERT INTO outgoing_mail (id, recipients, subject, text_body, created_at, next_attempt_at, sent_at)
                        VALUES (:id, '[]'::jsonb, 'old', 'old', :at, :next, %s)""".formatted(sent ? ":at" : "NULL"))
                .setParameter("id", id).setParameter("at", at).setParameter("next", Instant.now().plusSeconds(3600))
                .executeUpdate();
    }
}
