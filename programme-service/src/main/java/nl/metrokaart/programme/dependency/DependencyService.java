package nl.metrokaart.programme.dependency;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.text.Text;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.project.MustFinishBeforePredecessors;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectService;
import nl.metrokaart.programme.text.RequestTexts;

/**
 * The rules around dependencies: both projects in one programme, no self-links, no duplicates, and no cycle
 * among must-finish-before links (a circular planning can never be met).
 */
@ApplicationScoped
public class DependencyService implements MustFinishBeforePredecessors {

    static final String CYCLE = "cycle";

    @Inject
    ProgrammeEvents events;

    @Inject
    ProjectService projects;

    @Inject
    EntityManager entityManager;

    @Override
    public List<UUID> mustFinishBefore(UUID projectId) {
        return Dependency.<Dependency>list("projectId = ?1 and type = ?2", projectId, DependencyType.MUST_FINISH_BEFORE)
                .stream().map(d -> d.predecessorId).toList();
    }

    /** The dependencies among these projects (both ends among them), in no particular order. */
    public List<Dependency> among(List<UUID> projectIds) {
        return projectIds.isEmpty() ? List.of() : Dependency.list("projectId in ?1 and predecessorId in ?1", projectIds);
    }

    @Transactional
    public List<DependencyResponse> list(UUID projectId) {
        projects.get(projectId);
        return Dependency.<Dependency>list("projectId = ?1 order by createdAt, id", projectId).stream()
                .map(DependencyResponse::of).toList();
    }

    @Transactional
    public DependencyResponse get(UUID projectId, UUID dependencyId) {
        projects.get(projectId);
        return DependencyResponse.of(find(projectId, dependencyId, LockModeType.NONE));
    }

    @Transactional
    public DependencyResponse create(UUID projectId, DependencyRequest request) {
        Project project = projects.get(projectId);
        // One writer of links per programme at a time, so two concurrent links cannot close a cycle together.
        AdvisoryLocks.lock(entityManager, "dependencies\n" + project.programmeId);

        if (request.predecessorId().equals(projectId)) {
            throw Problems.conflict(RequestTexts.problems().selfDependency()).build();
        }
        Project predecessor = projects.find(request.predecessorId()).orElse(null);
        if (predecessor == null) {
            throw Problems.invalid("predecessorId", "body", RequestTexts.problems().predecessorUnknown());
        }
        if (!predecessor.programmeId.equals(project.programmeId)) {
            throw Problems.conflict(RequestTexts.problems().predecessorOtherProgramme(predecessor.code)).build();
        }
        if (Dependency.count("projectId = ?1 and predecessorId = ?2 and type = ?3",
                projectId, predecessor.id, request.type()) > 0) {
            throw alreadyLinked(project, predecessor, request.type());
        }
        rejectCycle(project, predecessor, request.type());

        Dependency dependency = new Dependency();
        dependency.id = UUID.randomUUID();
        dependency.projectId = projectId;
        dependency.predecessorId = predecessor.id;
        dependency.type = request.type();
        dependency.lagDays = request.lagDaysOrZero();
        dependency.explanation = Text.strippedOrNull(request.explanation());
        // Microseconds, as PostgreSQL stores them, so the representation reads back with the same ETag.
        dependency.createdAt = StoredTime.now();
        // The programme's lock makes the check above decisive; the unique constraint backs it up all the same.
        PersistOnce.persist(entityManager, dependency, () -> alreadyLinked(project, predecessor, request.type()));
        DependencyResponse created = DependencyResponse.of(dependency);
        events.aboutProject(projectId, ProgrammeEvents.DEPENDENCY_ADDED, DependencyEventData.of(dependency));
        return created;
    }

    @Transactional
    public void delete(UUID projectId, UUID dependencyId) {
        projects.get(projectId);
        Dependency dependency = find(projectId, dependencyId, LockModeType.PESSIMISTIC_WRITE);
        DependencyEventData removed = DependencyEventData.of(dependency);
        dependency.delete();
        events.aboutProject(projectId, ProgrammeEvents.DEPENDENCY_REMOVED, removed);
    }

    private void rejectCycle(Project project, Project predecessor, DependencyType type) {
        List<Project> projects = this.projects.ofProgramme(project.programmeId);
        Map<UUID, String> codes = projects.stream().collect(Collectors.toMap(p -> p.id, p -> p.code));
        List<DependencyGraph.Link<UUID>> links = Dependency.<Dependency>list(
                        "projectId in ?1 and type = ?2 order by createdAt, id", codes.keySet(), DependencyType.MUST_FINISH_BEFORE)
                .stream()
                .map(d -> new DependencyGraph.Link<>(d.predecessorId, d.projectId, d.type))
                .toList();
        new DependencyGraph<>(links).cycleIfLinked(predecessor.id, project.id, type).ifPresent(cycle -> {
            List<String> names = cycle.stream().map(codes::get).toList();
            throw Problems.conflict(RequestTexts.problems().dependencyCycle(predecessor.code, project.code,
                            String.join(" → ", names)))
                    .with(CYCLE, names)
                    .build();
        });
    }

    private static Dependency find(UUID projectId, UUID dependencyId, LockModeType lock) {
        Dependency dependency = Dependency.findById(dependencyId, lock);
        // A link of another project is as unknown here as one that does not exist.
        if (dependency == null || !dependency.projectId.equals(projectId)) {
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND,
                    RequestTexts.problems().dependencyNotFound(projectId, dependencyId));
        }
        return dependency;
    }

    private static HttpProblem alreadyLinked(Project project, Project predecessor, DependencyType type) {
        return Problems.conflict(RequestTexts.problems().dependencyExists(project.code, type.value(), predecessor.code))
                .build();
    }
}
