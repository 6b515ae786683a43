package nl.metrokaart.programme.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.programme.project.ProjectStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlannedMilestone", description = "A key milestone as the municipal secretaries follow it.")
public record PlannedMilestone(
        UUID milestoneId,
        UUID projectId,
        @Schema(examples = "WABO") String projectCode,
        String projectName,
        @Schema(description = "Status of the project; a cancelled project's milestones will not happen.")
        ProjectStatus projectStatus,
        @Schema(description = "Code of the metro line (theme) the project is on.") String line,
        String title,
        @Schema(format = "date") LocalDate dueDate,
        @Schema(format = "date", description = "Absent until the milestone is achieved.") LocalDate achievedDate,
        PlanningState status,
        @Schema(description = "When the milestone was last changed.") Instant updatedAt) {
}
