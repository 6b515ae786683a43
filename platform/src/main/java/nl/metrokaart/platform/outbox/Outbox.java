package nl.metrokaart.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import nl.metrokaart.platform.persistence.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the transactional outbox. Must be called inside the transaction of the change, so the
 * event exists exactly when the change does; {@link OutboxRelay} publishes it afterwards. Observers of
 * {@link OutboxEvent} hear of each recorded event synchronously, inside that same transaction (e.g. to queue
 * webhook deliveries of it that exist exactly when the event does).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper objectMapper;

    /** CloudEvents {@code source} of this service: a URN per the NL GOV profile. */
    @ConfigProperty(name = "metrokaart.events.source")
    String source;

    @Inject
    Event<OutboxEvent> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object data) {
        return record(topic, key, type, subject, data, null);
    }

    /**
     * Records a thin notification: {@code data} carries ids and what a consumer needs to decide, {@code dataref}
     * (CloudEvents NL profile, claim check) the path of the resource holding the rest, e.g. a published newsletter
     * whose full text would be too large for Kafka.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object data, String dataref) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = key;
        event.type = type;
        event.source = source;
        event.subject = subject;
        event.dataref = dataref;
        event.recordedAt = StoredTime.now(); // as read back from the database, so every reader sees one time
        try {
            event.data = objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data for " + type + " cannot be serialised", e);
        }
        event.persist();
        recorded.fire(event);
        return event.eventId;
    }
}
