package nl.metrokaart.municipality.participation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParticipationRequest", description = "A municipality's participation in a project, as it registers or replaces it.")
public record ParticipationRequest(
        @Schema(description = "A project of the programme; on PUT it must be the project in the path.")
        @NotNull UUID projectId,
        @Schema(description = "Whether the municipality takes part in the project.") @NotNull Boolean participates,
        @Schema(description = "Who leads the project in the municipality.", examples = "J. de Vries")
        @Size(max = 200) String localLead,
        @NotNull ImplementationStatus implementationStatus,
        @Schema(description = "When the municipality plans to go live with the project.", format = "date")
        LocalDate plannedGoLiveDate) {
}
