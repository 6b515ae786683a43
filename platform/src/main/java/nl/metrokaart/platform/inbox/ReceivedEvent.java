package nl.metrokaart.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvent as it arrived from Kafka (binary binding): its context attributes and its JSON data.
 * {@code subject} and {@code time} are optional in the CloudEvents spec and may be null.
 */
public record ReceivedEvent(String id, String source, String type, String subject, OffsetDateTime time,
        JsonNode data) {

    /** The identity to deduplicate on: CloudEvents ids are unique per source only. */
    public String identity() {
        return source + "|" + id;
    }
}
