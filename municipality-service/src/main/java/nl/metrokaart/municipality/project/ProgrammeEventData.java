package nl.metrokaart.municipality.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The parts of programme-service's event data (see its asyncapi.yaml) this service relies on. Fields it does
 * not use are ignored, so programme-service can add fields without breaking us; a missing field we need makes
 * the event malformed.
 */
public final class ProgrammeEventData {

    private ProgrammeEventData() {
    }

    /** Data of project-created and project-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(UUID id, UUID programmeId, String code, String name, String status, BigDecimal budget,
            Long version) {
        public Project {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(version, "version");
            if (budget.signum() < 0) {
                // programme-service never sends one; cost allocation could not divide it.
                throw new IllegalArgumentException("budget must not be negative: " + budget);
            }
        }
    }

    /** Data of project-status-changed: the project after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(Project project, String fromStatus, String toStatus) {
        public StatusChange {
            Objects.requireNonNull(project, "project");
        }
    }

    /** Data of the milestone events. */
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

    /** Data of the tombstone milestone-deleted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneDeleted(UUID id, UUID projectId, Long version) {
        public MilestoneDeleted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(projectId, "projectId");
        }
    }
}
