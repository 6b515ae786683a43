package nl.metrokaart.programme.project;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", description = "One transition in a project's status history.")
public record StatusChangeResponse(
        UUID id,
        UUID projectId,
        @Schema(description = "Absent for the first status a project got.") ProjectStatus fromStatus,
        ProjectStatus toStatus,
        String explanation,
        String changedBy,
        Instant changedAt) {

    static StatusChangeResponse of(ProjectStatusChange c) {
        return new StatusChangeResponse(c.id, c.projectId, c.fromStatus, c.toStatus, c.explanation, c.changedBy, c.changedAt);
    }
}
