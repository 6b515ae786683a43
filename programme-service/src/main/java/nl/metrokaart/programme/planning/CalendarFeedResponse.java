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
        @Schema(description = "The address to subscribe to in a calendar client, with its secret key: only in the "
                + "answer to its creation. Anyone with it can read the planning; delete the feed to revoke it.",
                examples = "https://metrokaart.example.nl/api/v1/calendar-feeds/3f8e.../calendar?key=...")
        @JsonInclude(JsonInclude.Include.NON_NULL) String calendarUrl) {

    static CalendarFeedResponse of(CalendarFeed feed, String calendarUrl) {
        return new CalendarFeedResponse(feed.id, feed.programmeId, feed.horizonDays, feed.description, feed.owner,
                feed.createdAt, calendarUrl);
    }
}
