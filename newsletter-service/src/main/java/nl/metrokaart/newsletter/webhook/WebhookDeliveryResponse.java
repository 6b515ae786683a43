package nl.metrokaart.newsletter.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event delivered (or being delivered) to a subscription.")
public record WebhookDeliveryResponse(
        @Schema(description = "The message id, sent as webhook-id on every attempt.") UUID id,
        @Schema(description = "The CloudEvent's id.") String eventId,
        @Schema(description = "The CloudEvent's source.") String eventSource,
        @Schema(description = "The CloudEvent's type.") String eventType,
        WebhookDeliveryStatus status,
        int attempts,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(description = "The HTTP status of the last attempt; absent when nothing came back.", nullable = true)
        Integer lastResponseStatus,
        @Schema(description = "When it is tried next, while pending.", nullable = true) Instant nextAttemptAt,
        Instant createdAt,
        @Schema(description = "Every attempt, in order.") List<AttemptDto> attemptLog) {

    @Schema(name = "WebhookDeliveryAttempt", description = "One attempt to deliver.")
    public record AttemptDto(
            int number,
            Instant attemptedAt,
            @Schema(nullable = true) Integer responseStatus,
            @Schema(examples = "answered HTTP 503") String outcome,
            long durationMillis) {
    }

    static WebhookDeliveryResponse of(WebhookDelivery d) {
        return new WebhookDeliveryResponse(d.id, d.eventId, d.eventSource, d.eventType, d.status, d.attempts,
                d.lastAttemptAt, d.lastResponseStatus, d.nextAttemptAt, d.createdAt,
                d.attemptLog.stream().map(a -> new AttemptDto(a.number(), a.attemptedAt(), a.responseStatus(),
                        a.outcome(), a.durationMillis())).toList());
    }
}
