package nl.metrokaart.municipality.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.municipality.project.OfProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participation as the API shows it; also the data of participation-registered and participation-changed. */
@Schema(name = "Participation", description = "Whether a municipality takes part in a project of the programme.")
public record ParticipationResponse(
        UUID id,
        @Schema(description = "CBS municipality code.", examples = "GM0610") String municipalityCode,
        UUID projectId,
        @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
        boolean participates,
        String localLead,
        ImplementationStatus implementationStatus,
        @Schema(format = "date") LocalDate plannedGoLiveDate,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static ParticipationResponse of(OfProject<Participation> participation) {
        Participation p = participation.record();
        String projectCode = participation.projectCode();
        return new ParticipationResponse(p.id, p.municipalityCode, p.projectId, projectCode, p.participates,
                p.localLead, p.implementationStatus, p.plannedGoLiveDate, p.version, p.createdAt, p.updatedAt);
    }
}
