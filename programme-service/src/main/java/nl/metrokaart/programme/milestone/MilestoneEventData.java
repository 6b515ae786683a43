package nl.metrokaart.programme.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of the milestone events ({@code milestone-scheduled}, {@code -rescheduled}, {@code -achieved},
 * {@code -unachieved}, {@code -changed}, {@code -missed}): the event contract (schema {@code Milestone} in
 * asyncapi.yaml), kept apart from the REST representation.
 */
public record MilestoneEventData(UUID id, UUID projectId, String title, LocalDate dueDate, LocalDate achievedDate,
        boolean key, MilestoneStatus status, long version, Instant createdAt, Instant updatedAt) {

    static MilestoneEventData of(Milestone m) {
        return new MilestoneEventData(m.id, m.projectId, m.title, m.dueDate, m.achievedDate, m.key,
                MilestoneStatus.of(m), m.version, m.createdAt, m.updatedAt);
    }
}
