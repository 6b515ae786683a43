package nl.metrokaart.newsletter.municipality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What this service reads of municipality-service's event data (its contract: municipality-service's
 * asyncapi.yaml), bound by Jackson; fields it does not need are ignored, a missing required one makes the event
 * invalid. Every event but the municipality's own names the project it is about.
 */
public final class MunicipalityEventData {

    private static final Pattern CBS_CODE = Pattern.compile("^GM\\d{4}$");

    private MunicipalityEventData() {
    }

    /** Data of municipality-registered and municipality-changed: what names the municipality in texts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Municipality(String code, String name, String municipalSecretary, Long version) {
        public Municipality {
            if (code == null || !CBS_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("code is not a CBS municipality code");
            }
            requireText(name, "name");
            requireText(municipalSecretary, "municipalSecretary");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Data of participation-registered and participation-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participation(String municipalityCode, UUID projectId, String projectCode, Boolean participates,
            String implementationStatus) {
        public Participation {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** Data of variant-choice-made and variant-choice-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VariantChoice(String municipalityCode, UUID projectId, String projectCode, String approach,
            String variantName) {
        public VariantChoice {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** Data of decision-recorded and decision-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(UUID id, UUID projectId, String projectCode, String outcome, String decidingBody) {
        public Decision {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** Data of allocation-key-chosen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationKey(UUID projectId, String projectCode, String method, Integer inhabitantsWeightPercent) {
        public AllocationKey {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** Data of cost-allocation-changed: what each participating municipality pays of the project's budget. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CostAllocation(UUID projectId, String projectCode, Long budgetCents, String method, List<Share> shares) {
        public CostAllocation {
            Objects.requireNonNull(projectId, "projectId");
            shares = shares == null ? List.of() : List.copyOf(shares);
        }

        /** The municipalities paying more than nothing. */
        public List<String> payingMunicipalities() {
            return shares.stream().filter(s -> s.municipalityCode() != null && s.amountCents() != null && s.amountCents() > 0)
                    .map(Share::municipalityCode).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Share(String municipalityCode, Long amountCents) {
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Event data lacks " + field);
        }
    }
}
