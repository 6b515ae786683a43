package nl.metrokaart.newsletter.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Subscription", description = "A person who gets the programme's news by e-mail.")
public record SubscriptionResponse(
        UUID id,
        @Schema(description = "Who manages it: the subject of the token that created it.") String owner,
        String name,
        String email,
        String municipalityCode,
        SubscriberRole role,
        Follows follows,
        @Schema(description = "The projects followed (follows projects); empty otherwise.") List<UUID> projectIds,
        Delivery delivery,
        @Schema(description = "Language of the mails.") Language language,
        SubscriptionStatus status,
        @Schema(description = "When the address owner confirmed; absent while pending.") Instant confirmedAt,
        @Schema(description = "When the last weekly digest was sent, if any.") Instant lastDigestAt,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(s.id, s.owner, s.name, s.email, s.municipalityCode, s.role,
                s.follows, List.copyOf(s.projectIds), s.delivery, s.language(),
                s.status(), s.confirmedAt, s.lastDigestAt, s.version,
                s.createdAt, s.updatedAt);
    }
}
