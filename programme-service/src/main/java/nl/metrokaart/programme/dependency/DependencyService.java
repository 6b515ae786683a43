package nl.metrokaart.programme.dependency;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The projects that must finish after :project through links of :type (itself included); UNION visits each once. */
    private static final String REACHABLE = "WITH RECURSIVE reachable (id) AS ("
            + " SELECT CAST(:project AS uuid)"
            + " UNION SELECT d.project_id FROM dependency d JOIN reachable r ON d.predecessor_id = r.id WHERE d.type = :type) ";

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

    /**
     * The links with both ends in the programme (a link to another programme's project has no place in its planning),
     * in no particular order, as detached copies for reading (the metro map, the impact of a slip): a programme can
     * have tens of thousands of links, and selecting their columns costs a fraction of loading them as managed
     * entities into the persistence context. Selected by programme in a subquery, not by binding every project id as
     * a parameter: PostgreSQL takes at most 65,535 in one statement.
     * <p>
     * Only the successor's side is a condition of the query; the predecessor's is checked against the programme's
     * project ids here. With both sides as subqueries, PostgreSQL planned a nested loop over every pair of the
     * programme's projects whenever its statistics did not yet know the programme (a new or just-grown one,
     * estimated at one project): 4 million index probes and 12 s for 2,000 projects, instead of milliseconds.
     */
    public List<Dependency> withinProgramme(UUID programmeId) {
        Set<UUID> inProgramme = new HashSet<>(entityManager.createQuery(
                        "select p.id from Project p where p.programmeId = :programme", UUID.class)
                .setParameter("programme", programmeId).getResultList());
        return entityManager.createQuery("select d.id, d.projectId, d.predecessorId, d.type, d.lagDays, d.explanation,"
                        + " d.createdAt from Dependency d"
                        + " where d.projectId in (select p.id from Project p where p.programmeId = :programme)",
                        Object[].class)
                .setParameter("programme", programmeId)
                .getResultList().stream().map(DependencyService::copy)
                .filter(link -> inProgramme.contains(link.predecessorId)).toList();
    }

    private static Dependency copy(Object[] row) {
        Dependency dependency = new Dependency();
        dependency.id = (UUID) row[0];
        dependency.projectId = (UUID) row[1];
        dependency.predecessorId = (UUID) row[2];
        dependency.type = (DependencyType) row[3];
        dependency.lagDays = (Integer) row[4];
        dependency.explanation = (String) row[5];
        dependency.createdAt = (Instant) row[6];
        return dependency;
    }

    @Transactional
    public List<Dependency> list(UUID projectId) {
        projects.get(projectId);
        return Dependency.list("projectId = ?1 order by createdAt, id", projectId);
    }

    @Transactional
    public Dependency get(UUID projectId, UUID dependencyId) {
        projects.get(projectId);
        return find(projectId, dependencyId, LockModeType.NONE);
    }

    @Transactional
    public Dependency create(UUID projectId, DependencyRequest request) {
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
        events.aboutProject(projectId, ProgrammeEvents.DEPENDENCY_ADDED, DependencyEventData.of(dependency));
        return dependency;
    }

    @Transactional
    public void delete(UUID projectId, UUID dependencyId) {
        projects.get(projectId);
        Dependency dependency = find(projectId, dependencyId, LockModeType.PESSIMISTIC_WRITE);
        DependencyEventData removed = DependencyEventData.of(dependency);
        dependency.delete();
        events.aboutProject(projectId, ProgrammeEvents.DEPENDENCY_REMOVED, removed);
    }

    /**
     * The planning graph can hold thousands of links: rather than loading it, one recursive query walks the
     * must-finish-before links forward from the project (over the predecessor index) and stops at the first sight of
     * the predecessor. Only when it is reached are the links it can reach loaded, to name the shortest cycle.
     */
    private void rejectCycle(Project project, Project predecessor, DependencyType type) {
        if (type != DependencyType.MUST_FINISH_BEFORE) {
            return;
        }
        boolean closes = (Boolean) entityManager.createNativeQuery(REACHABLE
                        + "SELECT EXISTS (SELECT 1 FROM reachable WHERE id = :predecessor)")
                .setParameter("project", project.id)
                .setParameter("type", type.value())
                .setParameter("predecessor", predecessor.id)
                .getSingleResult();
        if (!closes) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(REACHABLE
                        + "SELECT d.predecessor_id, d.project_id FROM dependency d JOIN reachable r ON d.predecessor_id = r.id"
                        + " WHERE d.type = :type ORDER BY d.created_at, d.id")
                .setParameter("project", project.id)
                .setParameter("type", type.value())
                .getResultList();
        List<DependencyGraph.Link<UUID>> links = rows.stream()
                .map(row -> new DependencyGraph.Link<>((UUID) row[0], (UUID) row[1], type))
                .toList();
        List<UUID> cycle = new DependencyGraph<>(links).cycleIfLinked(predecessor.id, project.id, type).orElseThrow();
        // A refusal only: the programme's projects once, for the codes of the cycle.
        Map<UUID, String> codes = projects.ofProgramme(project.programmeId).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.code));
        List<String> names = cycle.stream().map(codes::get).toList();
        throw Problems.conflict(RequestTexts.problems().dependencyCycle(predecessor.code, project.code,
                        String.join(" → ", names)))
                .with(CYCLE, names)
                .build();
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
