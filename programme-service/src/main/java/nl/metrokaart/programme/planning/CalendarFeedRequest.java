package nl.metrokaart.programme.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeedRequest", description = "Which programme's planning a private calendar address shows.")
public record CalendarFeedRequest(
        @Schema(description = "The programme whose key milestones the calendar shows.") @NotNull UUID programmeId,
        @Schema(description = "How many days ahead upcoming milestones are shown; 365 when absent.",
                minimum = "1", maximum = "3650", examples = "365")
        @Min(1) @Max(PlanningService.MAX_HORIZON_DAYS) Integer horizonDays,
        @Schema(description = "What the owner uses it for.", examples = "Agenda gemeentesecretaris Vlist")
        @Size(max = 200) String description) {
}
