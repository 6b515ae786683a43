package nl.metrokaart.programme.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeed", description = "A private calendar address of a programme's key milestone planning.")
public record CalendarFeedResponse(
        UUID id,
        UUID programmeId,
        int horizonDays,
        String description,
        @Schema(description = "The user (token subject) who asked for it and may delete it.") String owner,
        Instant createdAt,
        @Schema(description = "When the address stops working; rotate the key for a new address before then "
                + "(the lifetime is configured, 90 days by default).") Instant expiresAt,
        @Schema(description = "When the key was last rotated, if ever.", nullable = true) Instant keyRotatedAt,
        @Schema(description = "The address to subscribe to in a calendar client, with its secret key: only in the "
                + "answer to its creation. Anyone with it can read the planning; delete the feed to revoke it.",
                examples = "https://metrokaart.example.nl/api/v1/calendar-feeds/3f8e.../calendar?key=...")
        @JsonInclude(JsonInclude.Include.NON_NULL) String calendarUrl,
        @Schema(description = "In a replayed answer (Idempotency-Key) instead of calendarUrl: the address was shown "
                + "once and is not stored.")
        @JsonInclude(JsonInclude.Include.NON_NULL) String calendarUrlNote) {

    static final String SHOWN_ONCE = "The calendar address with its secret key was shown once, in the first answer "
            + "to this request, and is not stored; rotate the key (POST .../key-rotation) for a new address.";

    static CalendarFeedResponse of(CalendarFeed feed, String calendarUrl) {
        return new CalendarFeedResponse(feed.id, feed.programmeId, feed.horizonDays, feed.description, feed.owner,
                feed.createdAt, feed.expiresAt, feed.keyRotatedAt, calendarUrl, null);
    }

    /** The answer as kept for an Idempotency-Key replay: without the address and its key. */
    CalendarFeedResponse withoutSecret() {
        return new CalendarFeedResponse(id, programmeId, horizonDays, description, owner, createdAt, expiresAt,
                keyRotatedAt, null, SHOWN_ONCE);
    }
}
