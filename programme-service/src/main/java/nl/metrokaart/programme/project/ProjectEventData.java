package nl.metrokaart.programme.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code project-created} and {@code project-changed} (and the project inside {@code project-status-changed}):
 * the event contract (schema {@code Project} in asyncapi.yaml), kept apart from the REST representation so either can
 * change on its own.
 */
public record ProjectEventData(UUID id, UUID programmeId, String code, String name, String description, String line,
        int priorityRank, ProjectStatus status, LocalDate plannedStartDate, LocalDate plannedEndDate,
        LocalDate statutoryDeadline, BigDecimal budget, String owner, long version, Instant createdAt,
        Instant updatedAt) {

    public static ProjectEventData of(Project p) {
        return new ProjectEventData(p.id, p.programmeId, p.code, p.name, p.description, p.line, p.priorityRank,
                p.status, p.plannedStartDate, p.plannedEndDate, p.statutoryDeadline, p.budget, p.owner, p.version,
                p.createdAt, p.updatedAt);
    }

    /** Data of {@code project-status-changed}: the project after the change, and the change itself. */
    public record StatusChanged(ProjectEventData project, ProjectStatus fromStatus, ProjectStatus toStatus,
            String explanation, String changedBy) {
    }

    /** Data of {@code project-priority-changed}. */
    public record PriorityChanged(UUID projectId, String code, int fromRank, int toRank) {
    }
}
