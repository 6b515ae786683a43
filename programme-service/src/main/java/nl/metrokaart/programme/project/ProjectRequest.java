package nl.metrokaart.programme.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectRequest", description = "A project as a client creates or replaces it. Status and priority "
        + "change through their own resources (status-changes, priorities).")
public record ProjectRequest(
        @Schema(description = "The programme the project belongs to; cannot change after creation.")
        @NotNull UUID programmeId,
        @Schema(description = "Short code, unique within the programme.", examples = "WION")
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "{nl.metrokaart.code}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Schema(description = "Code of one of the programme's metro lines (themes).", examples = "key-registers")
        @NotBlank @Size(max = 40) String line,
        @Schema(format = "date") @NotNull LocalDate plannedStartDate,
        @Schema(format = "date") @NotNull LocalDate plannedEndDate,
        @Schema(description = "Date the law requires the project to be realised by, if any.", format = "date")
        LocalDate statutoryDeadline,
        @Schema(description = "Budget in euros, exact to the cent.", examples = "125000.00")
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @Schema(description = "Who answers for the project.") @NotBlank @Size(max = 200) String owner) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.programme.project.plannedEnd}")
    @Schema(hidden = true)
    public boolean isPlannedEndDate() {
        return plannedStartDate == null || plannedEndDate == null || !plannedEndDate.isBefore(plannedStartDate);
    }
}
