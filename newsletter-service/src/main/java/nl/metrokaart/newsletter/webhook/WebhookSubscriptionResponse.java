package nl.metrokaart.newsletter.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscription", description = "An integrator's webhook subscription.")
public record WebhookSubscriptionResponse(
        UUID id,
        @Schema(description = "The client id that owns it.", examples = "zaaksysteem-schoonhoven") String owner,
        String callbackUrl,
        List<String> eventTypes,
        @Schema(nullable = true) String description,
        @Schema(description = "False when paused, or disabled after a run of failed deliveries.") boolean enabled,
        @Schema(description = "Deliveries failed in a row; a delivered one resets it.") int consecutiveFailures,
        @Schema(description = "When it was disabled, if it is.", nullable = true) Instant disabledAt,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The signing secret (Standard Webhooks, whsec_ and base64): only in the answer to "
                + "the registration; keep it safe.", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @Schema(description = "In a replayed answer (Idempotency-Key) instead of secret: the secret was shown once "
                + "and is not kept with the answer.")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secretNote) {

    static final String SHOWN_ONCE = "The signing secret was shown once, in the first answer to this request, and "
            + "is not kept with the answer; if it was lost, delete the subscription and register it again.";

    static WebhookSubscriptionResponse of(WebhookSubscription s) {
        return of(s, null);
    }

    static WebhookSubscriptionResponse of(WebhookSubscription s, String secret) {
        return new WebhookSubscriptionResponse(s.id, s.owner, s.callbackUrl, List.copyOf(s.eventTypes), s.description,
                s.enabled, s.consecutiveFailures, s.disabledAt, s.version, s.createdAt, s.updatedAt, secret, null);
    }

    /** The answer as kept for an Idempotency-Key replay: without the secret. */
    WebhookSubscriptionResponse withoutSecret() {
        return new WebhookSubscriptionResponse(id, owner, callbackUrl, eventTypes, description, enabled,
                consecutiveFailures, disabledAt, version, createdAt, updatedAt, null, SHOWN_ONCE);
    }
}
