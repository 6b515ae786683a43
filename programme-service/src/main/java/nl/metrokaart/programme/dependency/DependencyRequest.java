package nl.metrokaart.programme.dependency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DependencyRequest", description = "A link a client adds: the project in the path depends on the predecessor.")
public record DependencyRequest(
        @Schema(description = "The project this one depends on; must be another project of the same programme.")
        @NotNull UUID predecessorId,
        @NotNull DependencyType type,
        @Schema(description = "Days that must pass between the predecessor's end and this project's start; "
                + "only for must-finish-before. Default 0.", defaultValue = "0", minimum = "0", maximum = "3650")
        @Min(0) @Max(3650) Integer lagDays,
        @Schema(description = "Why the projects are linked.") @Size(max = 2000) String explanation) {

    public int lagDaysOrZero() {
        return lagDays == null ? 0 : lagDays;
    }

    // Ignored by Jackson: as an is-getter it would otherwise replace lagDays in the JSON (and the idempotency hash).
    @AssertTrue(message = "{nl.metrokaart.programme.dependency.lagDays}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isLagDays() {
        return type != DependencyType.INFLUENCES || lagDaysOrZero() == 0;
    }
}
