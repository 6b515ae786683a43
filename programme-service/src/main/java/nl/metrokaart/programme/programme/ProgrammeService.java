package nl.metrokaart.programme.programme;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.text.RequestTexts;

/** The rules around programmes. */
@ApplicationScoped
public class ProgrammeService {

    @Inject
    EntityManager entityManager;

    @Inject
    ProgrammeEvents events;

    @Inject
    Preconditions preconditions;

    public List<Programme> list() {
        return Programme.list("order by startDate, name");
    }

    public Optional<Programme> find(UUID id) {
        return Programme.findByIdOptional(id);
    }

    /** The programme, its row locked until commit: the order every change of its projects takes locks in. */
    public Optional<Programme> lock(UUID id) {
        return Optional.ofNullable(entityManager.find(Programme.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A share lock: changes of its projects go on side by side, a change of the programme itself waits for them. */
    public Optional<Programme> lockShared(UUID id) {
        return Optional.ofNullable(entityManager.find(Programme.class, id, LockModeType.PESSIMISTIC_READ));
    }

    public Programme get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The programme's change number: new (from one sequence, never repeated) in the same transaction as any change
     * of the programme, its projects, their milestones or their dependencies (triggers, migration V14_2); empty for
     * a programme that does not exist. Read before the data, it names the state an answer computed afterwards is at
     * least as new as.
     */
    public OptionalLong changeNumber(UUID id) {
        List<?> numbers = entityManager.createNativeQuery(
                        "SELECT change_number FROM programme_change WHERE programme_id = :programme")
                .setParameter("programme", id).getResultList();
        return numbers.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) numbers.get(0)).longValue());
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().programmeNotFound(id));
    }

    @Transactional
    public Programme create(ProgrammeRequest request) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.createdAt = StoredTime.now();
        apply(programme, request);
        programme.persist();
        entityManager.flush();
        events.aboutProgramme(programme.id, ProgrammeEvents.PROGRAMME_CREATED, ProgrammeEventData.of(programme));
        return programme;
    }

    /** Replaces the programme as last read (If-Match); a metro line still used by a project cannot go. */
    @Transactional
    public Programme replace(UUID id, String ifMatch, ProgrammeRequest request) {
        Programme programme = entityManager.find(Programme.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw notFound(id);
        }
        preconditions.requireMatch(ifMatch, ProgrammeResponse.of(programme));
        List<String> keptLines = request.lines() == null ? List.of()
                : request.lines().stream().map(ProgrammeRequest.MetroLineDto::code).toList();
        List<String> stillUsed = entityManager.createQuery(
                        "select distinct p.line from Project p where p.programmeId = :id", String.class)
                .setParameter("id", id).getResultStream().filter(line -> !keptLines.contains(line)).sorted().toList();
        if (!stillUsed.isEmpty()) {
            throw HttpProblem.builder().withStatus(409).withTitle("Conflict")
                    .withDetail(RequestTexts.problems().linesStillUsed(String.join(", ", stillUsed)))
                    .build();
        }
        apply(programme, request);
        entityManager.flush();
        events.aboutProgramme(programme.id, ProgrammeEvents.PROGRAMME_CHANGED, ProgrammeEventData.of(programme));
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
        programme.updatedAt = StoredTime.now();
    }
}
