package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity", description = "One thing that happened in the programme, from an event of programme-service "
        + "or municipality-service.")
public record ActivityResponse(
        UUID id,
        @Schema(description = "Short type, e.g. milestone-missed (the last part of eventType).", examples = "milestone-missed")
        String type,
        @Schema(description = "The CloudEvents type of the event.", examples = "nl.metrokaart.programme.milestone-missed")
        String eventType,
        @Schema(description = "The CloudEvents id of the event.") String eventId,
        @Schema(description = "The CloudEvents source of the event.") String eventSource,
        UUID projectId,
        @Schema(examples = "ZK-1") String projectCode,
        @Schema(description = "The municipality it is about, if any.", examples = "GM0610") String municipalityCode,
        @Schema(description = "True for activities about a key milestone.") boolean keyMilestone,
        @Schema(description = "One readable sentence, in the language asked for with Accept-Language (Dutch by default; see Content-Language).") String summary,
        @Schema(description = "When it happened.") Instant occurredAt,
        @Schema(description = "When this service received it.") Instant receivedAt,
        @Schema(type = SchemaType.OBJECT, description = "The event's data as published (see the publisher's AsyncAPI).")
        JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ActivityResponse of(Activity a, String summary) {
        JsonNode data;
        try {
            data = JSON.readTree(a.data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity data is not JSON", e);
        }
        return new ActivityResponse(a.id, a.type, a.eventType, a.eventId, a.eventSource, a.projectId, a.projectCode,
                a.municipalityCode, a.keyMilestone, summary, a.occurredAt, a.receivedAt, data);
    }
}
