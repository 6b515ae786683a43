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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest", description = "A programme decision as the programme office records or corrects it.")
public record DecisionRequest(
        @Schema(description = "The question that was decided.", examples = "Do all municipalities use one process for WION notifications?")
        @NotBlank @Size(max = 1000) String question,
        @Schema(description = "The project the decision is about.") @NotNull UUID projectId,
        @Schema(description = "The options that were on the table: at least two, each different.")
        @NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 500) String> options,
        @NotNull DecisionOutcome outcome,
        @NotNull DecidingBody decidingBody,
        @Schema(description = "CBS code of the municipality whose executive or council decided; required for "
                + "municipal-executive and council, absent for the joint bodies.", examples = "GM0610")
        @Pattern(regexp = "^GM[0-9]{4}$", message = "must be a CBS municipality code: GM followed by four digits")
        String decidingMunicipalityCode,
        @Schema(format = "date", description = "The date of the decision.") @NotNull LocalDate decidedOn,
        @Schema(description = "Why it was decided so.") @NotBlank @Size(max = 4000) String rationale) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "is required for municipal-executive and council, and must be absent for steering-committee and secretaries-meeting")
    @Schema(hidden = true)
    public boolean isDecidingMunicipalityCode() {
        return decidingBody == null || decidingBody.isMunicipal() == (decidingMunicipalityCode != null);
    }

    @JsonIgnore
    @AssertTrue(message = "must all be different")
    @Schema(hidden = true)
    public boolean isOptions() {
        return options == null || options.stream().map(o -> o == null ? null : o.strip()).allMatch(new HashSet<>()::add);
    }
}
