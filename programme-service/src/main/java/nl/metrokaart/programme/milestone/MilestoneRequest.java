package nl.metrokaart.programme.milestone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MilestoneRequest", description = "A milestone as a client creates or replaces it.")
public record MilestoneRequest(
        @Schema(examples = "Decision on the shared front office") @NotBlank @Size(max = 300) String title,
        @Schema(description = "The day the milestone is due.", format = "date") @NotNull LocalDate dueDate,
        @Schema(description = "The day the milestone was achieved; absent or null while it is not.",
                implementation = String.class, format = "date", nullable = true)
        @PastOrPresent LocalDate achievedDate,
        @Schema(description = "Whether this is a key milestone the municipal secretaries track; default false.",
                defaultValue = "false")
        boolean key) {
}
