package nl.metrokaart.programme.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Programme", description = "The joint e-government programme of cooperating municipalities.")
public record ProgrammeResponse(
        UUID id,
        String name,
        String ambition,
        List<String> goals,
        @Schema(format = "date") LocalDate startDate,
        @Schema(format = "date") LocalDate endDate,
        String programmeManager,
        List<ProgrammeRequest.CommitteeMemberDto> steeringCommittee,
        List<ProgrammeRequest.MetroLineDto> lines,
        @Schema(description = "Incremented on every change; the ETag is derived from it.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static ProgrammeResponse of(Programme p) {
        return new ProgrammeResponse(p.id, p.name, p.ambition, List.copyOf(p.goals), p.startDate, p.endDate,
                p.programmeManager,
                p.steeringCommittee.stream()
                        .map(m -> new ProgrammeRequest.CommitteeMemberDto(m.name(), m.municipality(), m.responsibility()))
                        .toList(),
                p.lines.stream().map(l -> new ProgrammeRequest.MetroLineDto(l.code(), l.name(), l.colour())).toList(),
                p.version, p.createdAt, p.updatedAt);
    }
}
