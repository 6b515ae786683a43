package nl.metrokaart.municipality.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest", description = "A programme decision as the programme office records or corrects it.")
public record DecisionRequest(
        @Schema(description = "The question that was decided.", examples = "Do all municipalities use one process for WION notifications?")
        @NotBlank @Size(max = 1000) String question,
        @Schema(description = "The project the decision is about.") @NotNull UUID projectId,
        @Schema(description = "The options that were on the table: two to twenty different texts of at most 500 characters.")
        @NotNull @Size(min = 2, max = 20) List<String> options,
        @NotNull DecisionOutcome outcome,
        @NotNull DecidingBody decidingBody,
        @Schema(description = "CBS code of the municipality whose executive or council decided; required for "
                + "municipal-executive and council, absent for the joint bodies.", examples = "GM0610")
        @Pattern(regexp = "^GM[0-9]{4}$", message = "{nl.metrokaart.cbsCode}")
        String decidingMunicipalityCode,
        @Schema(format = "date", description = "The date of the decision.") @NotNull LocalDate decidedOn,
        @Schema(description = "Why it was decided so.") @NotBlank @Size(max = 4000) String rationale) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.municipality.decision.decidingMunicipality}")
    @Schema(hidden = true)
    public boolean isDecidingMunicipalityCode() {
        return decidingBody == null || decidingBody.isMunicipal() == (decidingMunicipalityCode != null);
    }

    /** Checked here rather than per element, so that a problem names the field, options, and not a list element. */
    @JsonIgnore
    @AssertTrue(message = "{nl.metrokaart.municipality.decision.options}")
    @Schema(hidden = true)
    public boolean isOptions() {
        if (options == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        return options.stream().allMatch(o -> o != null && !o.isBlank() && o.strip().length() <= MAX_OPTION_LENGTH && seen.add(o.strip()));
    }

    static final int MAX_OPTION_LENGTH = 500;
}
