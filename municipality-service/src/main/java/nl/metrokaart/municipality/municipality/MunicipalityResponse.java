package nl.metrokaart.municipality.municipality;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Municipality", description = "A municipality taking part in the joint programme.")
public record MunicipalityResponse(
        @Schema(description = "CBS municipality code.", examples = "GM0610") String code,
        String name,
        @Schema(description = "Number of inhabitants.") int inhabitants,
        @Schema(description = "Name of the municipal secretary (gemeentesecretaris).") String municipalSecretary,
        @Schema(description = "The municipality's own reference for its EGEM realisation plan, if any.")
        String realisationPlanReference,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static MunicipalityResponse of(Municipality m) {
        return new MunicipalityResponse(m.code, m.name, m.inhabitants, m.municipalSecretary,
                m.realisationPlanReference, m.version, m.createdAt, m.updatedAt);
    }
}
