package nl.metrokaart.municipality.variant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VariantChoiceRequest", description = "A municipality's choice for a project, as it makes or changes it.")
public record VariantChoiceRequest(
        @Schema(description = "A project the municipality participates in; on PUT it must be the project in the path.")
        @NotNull UUID projectId,
        @NotNull Approach approach,
        @Schema(description = "Name of the municipality's own variant: required for approach variant, absent for uniform.",
                examples = "Schoonhoven digital counter first")
        @Size(max = 200) String variantName,
        @Schema(description = "Why the municipality chooses so.") @Size(max = 4000) String justification) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.municipality.variant.variantName}")
    @Schema(hidden = true)
    public boolean isVariantName() {
        boolean named = variantName != null && !variantName.isBlank();
        return approach == null || (approach == Approach.VARIANT) == named;
    }
}
