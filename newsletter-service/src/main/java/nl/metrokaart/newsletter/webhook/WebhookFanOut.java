package nl.metrokaart.newsletter.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.newsletter.events.ActivityConsumer;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.platform.outbox.OutboxEvent;
import nl.metrokaart.platform.persistence.OncePerTransaction;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.retention.RetentionRule;

/**
 * Queues one delivery per enabled subscription that wants an event's type, in the transaction that brought the
 * event: the one that recorded a consumed event as an activity (and marked it received), or the one in which this
 * service put its own event (newsletter-published, meeting-scheduled) in the outbox. An event received twice is
 * queued once per subscription; the unique (subscription, event source, event id) constraint holds that even if
 * it were recorded twice.
 */
@ApplicationScoped
public class WebhookFanOut {

    /**
     * Settled deliveries (delivered, failed, abandoned) go after {@code metrokaart.retention.webhook-deliveries} (the
     * platform's Retention job runs the rule).
     */
    @Produces
    static RetentionRule settledWebhookDeliveries() {
        return RetentionRule.configured("webhook-deliveries", Duration.ofDays(30), "settled webhook deliveries",
                "webhook_delivery", "status <> 'pending' AND COALESCE(last_attempt_at, created_at) < :before");
    }

    /** What a webhook subscription may ask for: the events of the activity feed and this service's own. */
    public static final List<String> SUBSCRIBABLE_TYPES = Stream.concat(ActivityConsumer.TYPES.stream(),
            CommunicationEvents.TYPES.stream()).toList();

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    OncePerTransaction once;

    void onActivity(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        // Read once per transaction (a consumed batch records many activities in one): no delivery to queue, no
        // body to write, when no enabled subscription wants the type.
        Set<String> wanted = once.get(WebhookFanOut.class.getName() + ".wanted-types", this::typesWanted);
        if (!wanted.contains(activity.eventType)) {
            return;
        }
        String subject = activity.projectId == null ? null : "projects/" + activity.projectId;
        queue(activity.eventId, activity.eventSource, activity.eventType, subject, activity.occurredAt, recorded.data());
    }

    void onOwnEvent(@Observes OutboxEvent event) {
        if (!CommunicationEvents.TYPES.contains(event.type)) {
            return;
        }
        try {
            queue(event.eventId.toString(), event.source, event.type, event.subject, event.recordedAt,
                    objectMapper.readTree(event.data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The outbox holds data it wrote itself as JSON", e);
        }
    }

    /** The event types at least one enabled subscription asks for. */
    private Set<String> typesWanted() {
        @SuppressWarnings("unchecked")
        List<String> types = entityManager.createNativeQuery("""
                SELECT DISTINCT t FROM webhook_subscription s, jsonb_array_elements_text(s.event_types) t
                 WHERE s.enabled""").getResultList();
        return Set.copyOf(types);
    }

    private void queue(String eventId, String eventSource, String eventType, String subject, Instant time, JsonNode data) {
        String payload = WebhookEvents.structured(eventId, eventSource, eventType, subject, time, data);
        entityManager.createNativeQuery("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_source, event_type, payload, status,
                                              attempts, next_attempt_at, attempt_log, created_at)
                SELECT gen_random_uuid(), s.id, :eventId, :eventSource, :eventType, :payload, 'pending',
                       0, :now, '[]'::jsonb, :now
                  FROM webhook_subscription s
                 WHERE s.enabled AND s.event_types @> jsonb_build_array(CAST(:eventType AS text))
                ON CONFLICT ON CONSTRAINT webhook_delivery_once_per_event DO NOTHING""")
                .setParameter("eventId", eventId)
                .setParameter("eventSource", eventSource)
                .setParameter("eventType", eventType)
                .setParameter("payload", payload)
                .setParameter("now", StoredTime.now())
                .executeUpdate();
    }
}
