package nl.metrokaart.newsletter.meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeetingCancellation", description = "Why a meeting is cancelled; the audience is told.")
public record MeetingCancellation(
        @Schema(description = "The reason, as the invitees will read it.", examples = "Postponed until the budget is approved.")
        @NotBlank @Size(max = 500) String reason) {
}
