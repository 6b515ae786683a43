package nl.metrokaart.programme.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code programme-created} and {@code programme-changed}: the event contract (schema {@code Programme} in
 * asyncapi.yaml), kept apart from the REST representation.
 */
public record ProgrammeEventData(UUID id, String name, String ambition, List<String> goals, LocalDate startDate,
        LocalDate endDate, String programmeManager, List<CommitteeMember> steeringCommittee, List<MetroLine> lines,
        long version, Instant createdAt, Instant updatedAt) {

    public record CommitteeMember(String name, String municipality, String responsibility) {
    }

    public record MetroLine(String code, String name, String colour) {
    }

    static ProgrammeEventData of(Programme p) {
        return new ProgrammeEventData(p.id, p.name, p.ambition, List.copyOf(p.goals), p.startDate, p.endDate,
                p.programmeManager,
                p.steeringCommittee.stream().map(m -> new CommitteeMember(m.name(), m.municipality(), m.responsibility()))
                        .toList(),
                p.lines.stream().map(l -> new MetroLine(l.code(), l.name(), l.colour())).toList(),
                p.version, p.createdAt, p.updatedAt);
    }
}
