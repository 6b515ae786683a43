package nl.metrokaart.newsletter.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.platform.persistence.StoredTime;

/**
 * Queues one delivery per enabled subscription that wants the type of a recorded activity, in the transaction that
 * recorded it (and marked its event as received): an event received twice is queued once per subscription, and
 * the unique (subscription, event source, event id) constraint holds that even if it were recorded twice.
 */
@ApplicationScoped
public class WebhookFanOut {

    @Inject
    EntityManager entityManager;

    void onActivity(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        String subject = activity.projectId == null ? null : "projects/" + activity.projectId;
        String payload = WebhookEvents.structured(activity.eventId, activity.eventSource, activity.eventType, subject,
                activity.occurredAt, recorded.data());
        entityManager.createNativeQuery("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_source, event_type, payload, status,
                                              attempts, next_attempt_at, attempt_log, created_at)
                SELECT gen_random_uuid(), s.id, :eventId, :eventSource, :eventType, :payload, 'pending',
                       0, :now, '[]'::jsonb, :now
                  FROM webhook_subscription s
                 WHERE s.enabled AND s.event_types @> jsonb_build_array(CAST(:eventType AS text))
                ON CONFLICT ON CONSTRAINT webhook_delivery_once_per_event DO NOTHING""")
                .setParameter("eventId", activity.eventId)
                .setParameter("eventSource", activity.eventSource)
                .setParameter("eventType", activity.eventType)
                .setParameter("payload", payload)
                .setParameter("now", StoredTime.now())
                .executeUpdate();
    }
}
