package nl.metrokaart.newsletter.meeting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeetingRequest", description = "A meeting as a client plans it.")
public record MeetingRequest(
        @Schema(examples = "Steering committee, second quarter") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Start, ISO 8601 with a time zone offset.", examples = "2009-04-14T14:00:00+02:00")
        @NotNull OffsetDateTime startsAt,
        @Schema(description = "End, ISO 8601 with a time zone offset; after startsAt.", examples = "2009-04-14T16:30:00+02:00")
        @NotNull OffsetDateTime endsAt,
        @Schema(examples = "Town hall Schoonhoven, council chamber") @NotBlank @Size(max = 300) String location,
        @NotNull MeetingAudience audience,
        @Schema(description = "The agenda, in order.") @Size(max = 50) List<@Valid @NotNull AgendaItemDto> agendaItems) {

    @Schema(name = "AgendaItem", description = "One point of the agenda.")
    public record AgendaItemDto(
            @Schema(examples = "Progress of the WION project") @NotBlank @Size(max = 300) String title,
            @Schema(description = "Code of the programme project this item is about, if any.", examples = "WION")
            @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$", message = "{nl.metrokaart.code}")
            String projectCode) {
    }

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.newsletter.meeting.endsAt}")
    @Schema(hidden = true)
    public boolean isEndsAt() {
        // At the precision the database keeps, so that a stored meeting never ends when it starts.
        return startsAt == null || endsAt == null
                || endsAt.truncatedTo(ChronoUnit.MICROS).isAfter(startsAt.truncatedTo(ChronoUnit.MICROS));
    }
}
