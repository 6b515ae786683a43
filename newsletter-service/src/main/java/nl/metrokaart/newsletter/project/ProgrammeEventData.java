package nl.metrokaart.newsletter.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service reads of programme-service's event data (its contract: programme-service's asyncapi.yaml),
 * bound by Jackson; fields it does not need are ignored, a missing required one makes the event invalid.
 */
public final class ProgrammeEventData {

    private ProgrammeEventData() {
    }

    /**
     * The project of project-created, project-changed and (as {@code project}) project-status-changed.
     * {@code programmeId} may be absent in older events: then the programme is not known here.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(UUID id, String code, String name, String status, Long version, UUID programmeId) {
        public Project {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Data of project-status-changed: the project after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(Project project, String fromStatus, String toStatus, String explanation) {
        public StatusChange {
            Objects.requireNonNull(project, "project");
        }
    }

    /** Data of project-priority-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriorityChange(UUID projectId, String code, Integer fromRank, Integer toRank) {
        public PriorityChange {
            Objects.requireNonNull(projectId, "projectId");
        }
    }

    /** The milestone of every milestone event but the tombstone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(UUID id, UUID projectId, String title, LocalDate dueDate, LocalDate achievedDate,
            Boolean key, String status, Long version) {
        public Milestone {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The tombstone milestone-deleted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneDeleted(UUID id, UUID projectId) {
        public MilestoneDeleted {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Data of dependency-added and dependency-removed: the link between a project and its predecessor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dependency(UUID id, UUID projectId, UUID predecessorId, String type) {
        public Dependency {
            Objects.requireNonNull(projectId, "projectId");
        }
    }
}
