package nl.metrokaart.municipality.municipality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MunicipalityRequest", description = "A municipality as a client registers it in the programme.")
public record MunicipalityRequest(
        @Schema(description = "CBS municipality code: GM followed by four digits.", examples = "GM0610")
        @NotNull @Pattern(regexp = MunicipalityRequest.CBS_CODE, message = "{nl.metrokaart.cbsCode}")
        String code,
        @Schema(examples = "Schoonhoven") @NotBlank @Size(max = 100) String name,
        @Schema(description = "Number of inhabitants.", examples = "12000") @NotNull @Positive Integer inhabitants,
        @Schema(description = "Name of the municipal secretary (gemeentesecretaris).", examples = "A. de Graaf")
        @NotBlank @Size(max = 200) String municipalSecretary,
        @Schema(description = "The municipality's own reference for its EGEM realisation plan, if it has one.",
                examples = "RP-2009-SCH-01")
        @Size(max = 100) String realisationPlanReference) {

    static final String CBS_CODE = "^GM[0-9]{4}$";
}
