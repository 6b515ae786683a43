package nl.metrokaart.municipality.cost;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllocationKeyRequest", description = "The key by which a project's costs are to be shared.")
public record AllocationKeyRequest(
        @Schema(required = true) @NotNull AllocationMethod method,
        @Schema(description = "Required for method weighted and not allowed otherwise: the part of the budget shared "
                + "by inhabitants, in percent; the rest is shared equally.", minimum = "0", maximum = "100", examples = "50")
        @Min(0) @Max(100) Integer inhabitantsWeightPercent) {
}
