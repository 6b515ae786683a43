package nl.metrokaart.programme.programme;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules around programmes. */
@ApplicationScoped
public class ProgrammeService {

    public List<Programme> list() {
        return Programme.list("order by startDate, name");
    }

    public Optional<Programme> find(UUID id) {
        return Programme.findByIdOptional(id);
    }

    public Programme get(UUID id) {
        return find(id).orElseThrow(() -> HttpProblem.valueOf(Response.Status.NOT_FOUND,
                "Programme " + id + " does not exist."));
    }

    @Transactional
    public Programme create(ProgrammeRequest request) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.createdAt = Instant.now();
        apply(programme, request);
        programme.persist();
        return programme;
    }

    private static void apply(Programme programme, ProgrammeRequest request) {
        programme.name = request.name().strip();
        programme.ambition = request.ambition().strip();
        programme.goals = request.goals() == null ? List.of() : List.copyOf(request.goals());
        programme.startDate = request.startDate();
        programme.endDate = request.endDate();
        programme.programmeManager = request.programmeManager().strip();
        programme.steeringCommittee = request.steeringCommittee() == null ? List.of()
                : request.steeringCommittee().stream()
                        .map(m -> new Programme.CommitteeMember(m.name(), m.municipality(), m.responsibility()))
                        .toList();
        programme.lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new Programme.MetroLine(l.code(), l.name(), l.colour().toUpperCase())).toList();
        programme.updatedAt = Instant.now();
    }
}
