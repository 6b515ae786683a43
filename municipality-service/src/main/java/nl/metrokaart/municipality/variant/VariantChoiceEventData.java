package nl.metrokaart.municipality.variant;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code variant-choice-made} and {@code variant-choice-changed}: the event contract (schema
 * {@code VariantChoice} in asyncapi.yaml), kept apart from the REST representation.
 */
public record VariantChoiceEventData(UUID id, String municipalityCode, UUID projectId, String projectCode,
        Approach approach, String variantName, String justification, UUID decisionId, long version, Instant createdAt,
        Instant updatedAt) {

    static VariantChoiceEventData of(VariantChoice v, String projectCode) {
        return new VariantChoiceEventData(v.id, v.municipalityCode, v.projectId, projectCode, v.approach, v.variantName,
                v.justification, v.decisionId, v.version, v.createdAt, v.updatedAt);
    }
}
