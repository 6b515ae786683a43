package nl.metrokaart.programme.project;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Cursors;
import nl.metrokaart.platform.paging.Keyset;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.NlGovProblemDetails;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.text.ProblemMessages;
import nl.metrokaart.programme.text.RequestTexts;

/** The rules of projects: codes, lines, the status state machine and its guards, priorities, the changes feed. */
@ApplicationScoped
public class ProjectService {

    /** Arbitrary constant naming the advisory lock that orders project changes. */
    private static final long CHANGE_FEED_LOCK = 0x6d6b7072L;

    /** The first value of a changes feed cursor, so that a list cursor is not taken for one. */
    private static final String FEED = "seq";

    @Inject
    ProgrammeService programmes;

    @Inject
    ProgrammeEvents events;

    @Inject
    Preconditions preconditions;

    @Inject
    EntityManager entityManager;

    @Inject
    SecurityIdentity identity;

    public Project get(UUID id) {
        return Project.<Project>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(jakarta.ws.rs.core.Response.Status.NOT_FOUND, RequestTexts.problems().projectNotFound(id));
    }

    /** Projects by priority, then id; the cursor is the position of the last project of the previous page. */
    public Page<ProjectResponse> list(ProjectFilter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = filter.apply(query);
        if (cursor != null) {
            Keyset after = Keyset.after(cursor, "cursor", 2);
            parameters.and("rank", after.get(0, Integer::valueOf)).and("id", after.get(1, UUID::fromString));
            query.append(" and (priorityRank > :rank or (priorityRank = :rank and id > :id))");
        }
        // One more than asked tells whether there is a next page (range bounds are inclusive).
        List<Project> fetched = Project.<Project>find(query + " order by priorityRank, id", parameters).range(0, limit).list();
        return Page.ofFetched(fetched, limit, p -> Keyset.of(p.priorityRank, p.id).position(), ProjectResponse::of);
    }

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
        touch(project);
        PersistOnce.persist(entityManager, project, () -> codeTaken(request.code()));
        recordStatus(project, null, ProjectStatus.PROPOSED, "Project proposed.");
        entityManager.flush();
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_CREATED, ProjectEventData.of(project));
        return project;
    }

    @Transactional
    public Project replace(UUID id, String ifMatch, ProjectRequest request) {
        // Programme first, then project: the order every change of a programme's projects takes its locks in. A
        // share lock: changes of different projects go on side by side (a unique constraint guards the code), while
        // a change of the programme's metro lines or priorities (which lock it for update) waits for them.
        sharedProgrammeOf(get(id).programmeId);
        Project project = lock(id);
        preconditions.requireMatch(ifMatch, ProjectResponse.of(project));
        if (!project.programmeId.equals(request.programmeId())) {
            throw Problems.conflict(RequestTexts.problems().projectOtherProgramme(project.programmeId))
                    .build();
        }
        requireLine(entityManager.find(Programme.class, project.programmeId), request.line());
        requireUniqueCode(project.programmeId, request.code(), project.id);
        touch(project);
        apply(project, request);
        PersistOnce.flush(entityManager, () -> codeTaken(request.code()));
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_CHANGED, ProjectEventData.of(project));
        return project;
    }

    @Transactional
    public ProjectStatusChange changeStatus(UUID id, StatusChangeRequest request) {
        Project project = lock(id);
        ProjectStatus from = project.status;
        ProjectStatus to = request.status();
        if (!from.canBecome(to)) {
            List<String> allowed = from.allowedNext().stream().map(ProjectStatus::value).toList();
            ProblemMessages texts = RequestTexts.problems();
            throw Problems.conflict(allowed.isEmpty() ? texts.statusFinal(project.code, from.value(), to.value())
                            : texts.statusNotAllowed(project.code, from.value(), to.value(), String.join(", ", allowed)))
                    .with("allowedStatuses", allowed)
                    .build();
        }
        if (to == ProjectStatus.IN_PROGRESS && !from.isStarted()) {
            List<Project> blocking = unrealisedPredecessors(project);
            if (!blocking.isEmpty()) {
                List<String> codes = blocking.stream().map(p -> p.code).toList();
                throw Problems.conflict(RequestTexts.problems().cannotStart(project.code, String.join(", ", codes), codes.size() == 1))
                        .with("blockingProjects", codes)
                        .build();
            }
        }
        if (to == ProjectStatus.REALISED) {
            List<Milestone> open = Milestone.list("projectId = ?1 and key = true and achievedDate is null order by dueDate", project.id);
            if (!open.isEmpty()) {
                List<String> titles = open.stream().map(m -> m.title).toList();
                throw Problems.conflict(RequestTexts.problems().openKeyMilestones(project.code, String.join("; ", titles)))
                        .with("openMilestones", open.stream().map(m -> Map.of("id", m.id.toString(), "title", m.title)).toList())
                        .build();
            }
        }
        touch(project);
        project.status = to;
        ProjectStatusChange change = recordStatus(project, from, to, request.explanation().strip());
        entityManager.flush();
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_STATUS_CHANGED,
                new ProjectEventData.StatusChanged(ProjectEventData.of(project), from, to, change.explanation,
                        change.changedBy));
        return change;
    }

    public List<ProjectStatusChange> history(UUID projectId) {
        get(projectId);
        return ProjectStatusChange.list("projectId = ?1 order by changedAt, id", projectId);
    }

    public ProjectStatusChange statusChange(UUID projectId, UUID changeId) {
        return ProjectStatusChange.<ProjectStatusChange>find("id = ?1 and projectId = ?2", changeId, projectId)
                .firstResultOptional()
                .orElseThrow(() -> HttpProblem.valueOf(jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                        RequestTexts.problems().statusChangeNotFound(changeId, projectId)));
    }

    public PrioritiesResponse priorities(UUID programmeId) {
        programmes.get(programmeId);
        List<Project> ranked = Project.list("programmeId = ?1 order by priorityRank", programmeId);
        return new PrioritiesResponse(programmeId, ranked.stream().map(p -> p.id).toList());
    }

    /** Reorders all projects of the programme at once: ranks become 1..n in the given order. */
    @Transactional
    public PrioritiesResponse reorder(UUID programmeId, String ifMatch, PrioritiesRequest request) {
        if (entityManager.find(Programme.class, programmeId, LockModeType.PESSIMISTIC_WRITE) == null) {
            programmes.get(programmeId);
        }
        List<Project> projects = entityManager.createQuery(
                        "from Project where programmeId = :programme order by priorityRank", Project.class)
                .setParameter("programme", programmeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        preconditions.requireMatch(ifMatch, new PrioritiesResponse(programmeId, projects.stream().map(p -> p.id).toList()));
        requirePermutation(projects, request.projectIds());
        Map<UUID, Project> byId = projects.stream().collect(Collectors.toMap(p -> p.id, p -> p));
        List<ProjectEventData.PriorityChanged> changes = new ArrayList<>();
        int rank = 1;
        for (UUID projectId : request.projectIds()) {
            Project project = byId.get(projectId);
            if (project.priorityRank != rank) {
                changes.add(new ProjectEventData.PriorityChanged(project.id, project.code, project.priorityRank, rank));
                touch(project);
                project.priorityRank = rank;
            }
            rank++;
        }
        entityManager.flush();
        changes.forEach(change -> events.aboutProject(change.projectId(), ProgrammeEvents.PROJECT_PRIORITY_CHANGED, change));
        return new PrioritiesResponse(programmeId, request.projectIds());
    }

    private static void requirePermutation(List<Project> projects, List<UUID> order) {
        Set<UUID> expected = projects.stream().map(p -> p.id).collect(Collectors.toSet());
        Set<UUID> seen = new HashSet<>();
        Set<UUID> duplicates = new LinkedHashSet<>();
        order.forEach(id -> {
            if (!seen.add(id)) {
                duplicates.add(id);
            }
        });
        Set<UUID> unknown = new LinkedHashSet<>(seen);
        unknown.removeAll(expected);
        Set<UUID> missing = new LinkedHashSet<>(expected);
        missing.removeAll(seen);
        if (!duplicates.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
            ProblemMessages texts = RequestTexts.problems();
            List<String> reasons = new ArrayList<>();
            if (!missing.isEmpty()) {
                reasons.add(texts.prioritiesMissing(missing.toString()));
            }
            if (!unknown.isEmpty()) {
                reasons.add(texts.prioritiesUnknown(unknown.toString()));
            }
            if (!duplicates.isEmpty()) {
                reasons.add(texts.prioritiesTwice(duplicates.toString()));
            }
            throw invalid("projectIds", texts.prioritiesIncomplete(String.join("; ", reasons)));
        }
    }

    private List<Project> unrealisedPredecessors(Project project) {
        List<UUID> predecessorIds = Dependency.<Dependency>list("projectId = ?1 and type = ?2", project.id,
                DependencyType.MUST_FINISH_BEFORE).stream().map(d -> d.predecessorId).toList();
        if (predecessorIds.isEmpty()) {
            return List.of();
        }
        List<Project> predecessors = Project.list("id in ?1", predecessorIds);
        return predecessors.stream().filter(p -> p.status != ProjectStatus.REALISED)
                .sorted(Comparator.comparing(p -> p.code)).toList();
    }

    private Project lock(UUID id) {
        Project project = entityManager.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw notFound(id);
        }
        return project;
    }

    /**
     * Gives the project the next change number, in commit order (the lock is held until commit). Called before
     * the project's fields change, so that its queries flush nothing and the version grows by one per change.
     */
    private void touch(Project project) {
        AdvisoryLocks.lock(entityManager, CHANGE_FEED_LOCK);
        project.changeSeq = ((Number) entityManager.createNativeQuery("SELECT nextval('project_change_seq')")
                .getSingleResult()).longValue();
        project.updatedAt = StoredTime.now();
    }

    private ProjectStatusChange recordStatus(Project project, ProjectStatus from, ProjectStatus to, String explanation) {
        ProjectStatusChange change = new ProjectStatusChange();
        change.id = UUID.randomUUID();
        change.projectId = project.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.explanation = explanation;
        change.changedBy = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        change.changedAt = StoredTime.now();
        change.persist();
        return change;
    }

    private void sharedProgrammeOf(UUID programmeId) {
        if (entityManager.find(Programme.class, programmeId, LockModeType.PESSIMISTIC_READ) == null) {
            throw invalid("programmeId", "no programme with this id");
        }
    }

    private Programme lockedProgrammeOf(UUID programmeId) {
        Programme programme = entityManager.find(Programme.class, programmeId, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw invalid("programmeId", RequestTexts.problems().noProgramme());
        }
        return programme;
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
