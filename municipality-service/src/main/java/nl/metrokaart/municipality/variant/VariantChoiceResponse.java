package nl.metrokaart.municipality.variant;

import java.time.Instant;
import java.util.UUID;
import nl.metrokaart.municipality.project.OfProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A variant choice as the API shows it; also the data of variant-choice-made and variant-choice-changed. */
@Schema(name = "VariantChoice", description = "A municipality's choice for a project: the uniform way of working or its own variant.")
public record VariantChoiceResponse(
        UUID id,
        @Schema(description = "CBS municipality code.", examples = "GM0610") String municipalityCode,
        UUID projectId,
        @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
        Approach approach,
        @Schema(description = "Name of the own variant; only for approach variant.") String variantName,
        String justification,
        @Schema(description = "The project's decision in force when the choice was made or last changed, if any.")
        UUID decisionId,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static VariantChoiceResponse of(OfProject<VariantChoice> choice) {
        VariantChoice v = choice.record();
        String projectCode = choice.projectCode();
        return new VariantChoiceResponse(v.id, v.municipalityCode, v.projectId, projectCode, v.approach, v.variantName,
                v.justification, v.decisionId, v.version, v.createdAt, v.updatedAt);
    }
}
