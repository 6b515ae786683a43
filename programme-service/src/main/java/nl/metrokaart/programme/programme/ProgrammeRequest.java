package nl.metrokaart.programme.programme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeRequest", description = "A programme as a client creates or replaces it.")
public record ProgrammeRequest(
        @Schema(examples = "EGEM Krimpenerwaard") @NotBlank @Size(max = 200) String name,
        @Schema(description = "The shared ambition the municipalities agreed.") @NotBlank @Size(max = 4000) String ambition,
        @Schema(description = "Concrete goals of the programme.") @Size(max = 50) List<@NotBlank @Size(max = 500) String> goals,
        @Schema(description = "First day of the programme period.", format = "date") @NotNull LocalDate startDate,
        @Schema(description = "Last day of the programme period.", format = "date") @NotNull LocalDate endDate,
        @Schema(description = "Name of the programme manager.") @NotBlank @Size(max = 200) String programmeManager,
        @Schema(description = "Members of the steering committee (stuurgroep).") @Size(max = 50) List<@Valid @NotNull CommitteeMemberDto> steeringCommittee,
        @Schema(description = "The themes of the programme, each drawn as a metro line; projects name one.")
        @Size(max = 12) List<@Valid @NotNull MetroLineDto> lines) {

    @Schema(name = "MetroLine", description = "A theme of the programme, drawn as one coloured line on the metro map.")
    public record MetroLineDto(
            @Schema(description = "Short kebab-case code projects refer to.", examples = "key-registers")
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 40) String code,
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "Line colour as #RRGGBB.", examples = "#E3001B")
            @NotBlank @Pattern(regexp = "#[0-9A-Fa-f]{6}") String colour) {
    }

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.programme.programme.uniqueLines}")
    @Schema(hidden = true)
    public boolean isLines() {
        return lines == null || lines.stream().map(MetroLineDto::code).distinct().count() == lines.size();
    }

    @Schema(name = "CommitteeMember")
    public record CommitteeMemberDto(
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "CBS code of the municipality the member represents, if any.", examples = "GM0610")
            @Size(max = 10) String municipality,
            @Schema(description = "What the member answers for.") @Size(max = 500) String responsibility) {
    }

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.programme.programme.end}")
    @Schema(hidden = true)
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }
}
