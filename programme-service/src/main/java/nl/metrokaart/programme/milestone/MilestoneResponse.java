package nl.metrokaart.programme.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Milestone", description = "A milestone of a project.")
public record MilestoneResponse(
        UUID id,
        @Schema(description = "The project the milestone belongs to.") UUID projectId,
        String title,
        @Schema(format = "date") LocalDate dueDate,
        @Schema(implementation = String.class, format = "date", nullable = true,
                description = "The day the milestone was achieved; null while it is not.") LocalDate achievedDate,
        @Schema(description = "Whether this is a key milestone the municipal secretaries track.") boolean key,
        MilestoneStatus status,
        @Schema(description = "Incremented on every change; the ETag is derived from the representation.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static MilestoneResponse of(Milestone m) {
        return new MilestoneResponse(m.id, m.projectId, m.title, m.dueDate, m.achievedDate, m.key,
                MilestoneStatus.of(m), m.version, m.createdAt, m.updatedAt);
    }
}
