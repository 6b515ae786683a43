package nl.metrokaart.programme.project;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Cursors;
import nl.metrokaart.platform.paging.Keyset;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.NlGovProblemDetails;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.text.ProblemMessages;
import nl.metrokaart.programme.text.RequestTexts;

/**
 * The rules of projects: codes and lines, create and change, the list and the changes feed. The status rules are
 * {@link ProjectStatusService}'s, the priority order {@link PriorityService}'s.
 */
@ApplicationScoped
public class ProjectService {

    /** The first value of a changes feed cursor, so that a list cursor is not taken for one. */
    private static final String FEED = "seq";

    @Inject
    ProgrammeService programmes;

    @Inject
    ProjectChanges changes;

    @Inject
    ProgrammeEvents events;

    @Inject
    Preconditions preconditions;

    @Inject
    EntityManager entityManager;

    public Project get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Project> find(UUID id) {
        return Project.findByIdOptional(id);
    }

    /** The id of the project's programme, read as a value (no entity enters the session); 404 if none. */
    public UUID programmeOf(UUID projectId) {
        return entityManager.createQuery("select p.programmeId from Project p where p.id = :id", UUID.class)
                .setParameter("id", projectId).getResultStream().findFirst().orElseThrow(() -> notFound(projectId));
    }

    /** Every project of the programme, in no particular order. */
    public List<Project> ofProgramme(UUID programmeId) {
        return Project.list("programmeId", programmeId);
    }

    static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(jakarta.ws.rs.core.Response.Status.NOT_FOUND, RequestTexts.problems().projectNotFound(id));
    }

    /** Projects by priority, then id; the cursor is the position of the last project of the previous page. */
    public Page<ProjectResponse> list(ProjectFilter filter, String cursor, int limit) {
        return paging.page(Project.class, filter.where(), BY_PRIORITY, cursor, limit, ProjectResponse::of);
    }

    private static final List<SortKey<Project>> BY_PRIORITY = List.of(
            new SortKey<>("priorityRank", p -> p.priorityRank, Integer::valueOf),
            new SortKey<>("id", p -> p.id, UUID::fromString));

    @Inject
    KeysetPaging paging;

    /**
     * Every project changed after the cursor, in change order. Writers take change numbers under one lock held to
     * commit, so a number is never committed after a higher one: polling with the returned cursor never misses or
     * repeats a change. {@code "0"} starts from the beginning.
     */
    public Page<ProjectResponse> changedSince(String cursor, ProjectFilter filter, int limit) {
        long after;
        if ("0".equals(cursor)) {
            after = 0;
        } else {
            Keyset position = Keyset.after(cursor, "changedSince", 2);
            if (!FEED.equals(position.text(0))) {
                throw Cursors.invalid("changedSince");
            }
            after = position.get(1, Long::valueOf);
        }
        StringBuilder query = new StringBuilder("changeSeq > :after");
        Parameters parameters = filter.apply(query).and("after", after);
        List<Project> changed = Project.<Project>find(query + " order by changeSeq", parameters).range(0, limit - 1).list();
        long last = changed.isEmpty() ? after : changed.get(changed.size() - 1).changeSeq;
        return new Page<>(changed.stream().map(ProjectResponse::of).toList(), Keyset.of(FEED, last).cursor());
    }

    @Transactional
    public Project create(ProjectRequest request) {
        // The programme's row lock serialises its project creates: the code check and the next rank see every
        // project committed before, so parallel creates all succeed or get 409.
        Programme programme = lockedProgrammeOf(request.programmeId());
        requireLine(programme, request.line());
        requireUniqueCode(request.programmeId(), request.code(), null);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.programmeId = programme.id;
        project.priorityRank = (int) Project.count("programmeId", programme.id) + 1;
        project.status = ProjectStatus.PROPOSED;
        project.createdAt = StoredTime.now();
        apply(project, request);
        changes.touch(project);
        PersistOnce.persist(entityManager, project, () -> codeTaken(request.code()));
        changes.recordStatus(project, null, ProjectStatus.PROPOSED, "Project proposed.");
        entityManager.flush();
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_CREATED, ProjectEventData.of(project));
        return project;
    }

    @Transactional
    public Project replace(UUID id, String ifMatch, ProjectRequest request) {
        // Programme first, then project: the order every change of a programme's projects takes its locks in. A
        // share lock: changes of different projects go on side by side (a unique constraint guards the code), while
        // a change of the programme's metro lines or priorities (which lock it for update) waits for them.
        Programme programme = programmes.lockShared(get(id).programmeId)
                .orElseThrow(() -> invalid("programmeId", RequestTexts.problems().noProgramme()));
        Project project = changes.lock(id);
        preconditions.requireMatch(ifMatch, ProjectResponse.of(project));
        if (!project.programmeId.equals(request.programmeId())) {
            throw Problems.conflict(RequestTexts.problems().projectOtherProgramme(project.programmeId))
                    .build();
        }
        requireLine(programme, request.line());
        requireUniqueCode(project.programmeId, request.code(), project.id);
        changes.touch(project);
        apply(project, request);
        PersistOnce.flush(entityManager, () -> codeTaken(request.code()));
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_CHANGED, ProjectEventData.of(project));
        return project;
    }

    private Programme lockedProgrammeOf(UUID programmeId) {
        return programmes.lock(programmeId).orElseThrow(() -> invalid("programmeId", RequestTexts.problems().noProgramme()));
    }

    private static HttpProblem codeTaken(String code) {
        return codeConflict(RequestTexts.problems().codeTaken(code));
    }

    private static HttpProblem codeConflict(String detail) {
        return Problems.conflict(detail)
                .with(NlGovProblemDetails.INVALID_PARAMS, List.of(Map.of("name", "code", "in", "body",
                        "reason", RequestTexts.problems().codeReason())))
                .build();
    }

    private static void requireLine(Programme programme, String line) {
        if (programme.line(line).isEmpty()) {
            throw invalid("line", RequestTexts.problems().notALine(
                    programme.lines.stream().map(Programme.MetroLine::code).toList().toString()));
        }
    }

    private static void requireUniqueCode(UUID programmeId, String code, UUID except) {
        Project existing = Project.<Project>find("programmeId = ?1 and code = ?2", programmeId, code).firstResult();
        if (existing != null && !existing.id.equals(except)) {
            throw codeConflict(RequestTexts.problems().codeTakenBy(code, existing.id));
        }
    }

    static HttpProblem invalid(String field, String reason) {
        return Problems.invalid(field, "body", reason);
    }

    private static void apply(Project project, ProjectRequest request) {
        project.code = request.code();
        project.name = request.name().strip();
        project.description = request.description().strip();
        project.line = request.line();
        project.plannedStartDate = request.plannedStartDate();
        project.plannedEndDate = request.plannedEndDate();
        project.statutoryDeadline = request.statutoryDeadline();
        project.budget = request.budget().setScale(2);
        project.owner = request.owner().strip();
    }
}
