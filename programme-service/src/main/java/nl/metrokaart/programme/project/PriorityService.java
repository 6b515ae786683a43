package nl.metrokaart.programme.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.text.ProblemMessages;
import nl.metrokaart.programme.text.RequestTexts;

/** The priority order of a programme's projects: ranks 1..n, unique and gap-free, reordered all at once. */
@ApplicationScoped
public class PriorityService {

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

    public PrioritiesResponse priorities(UUID programmeId) {
        programmes.get(programmeId);
        List<Project> ranked = Project.list("programmeId = ?1 order by priorityRank", programmeId);
        return new PrioritiesResponse(programmeId, ranked.stream().map(p -> p.id).toList());
    }

    /** Reorders all projects of the programme at once: ranks become 1..n in the given order. */
    @Transactional
    public PrioritiesResponse reorder(UUID programmeId, String ifMatch, PrioritiesRequest request) {
        if (programmes.lock(programmeId).isEmpty()) {
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
        List<ProjectEventData.PriorityChanged> reranked = new ArrayList<>();
        int rank = 1;
        for (UUID projectId : request.projectIds()) {
            Project project = byId.get(projectId);
            if (project.priorityRank != rank) {
                reranked.add(new ProjectEventData.PriorityChanged(project.id, project.code, project.priorityRank, rank));
                changes.touch(project);
                project.priorityRank = rank;
            }
            rank++;
        }
        entityManager.flush();
        reranked.forEach(change -> events.aboutProject(change.projectId(), ProgrammeEvents.PROJECT_PRIORITY_CHANGED, change));
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
            throw ProjectService.invalid("projectIds", texts.prioritiesIncomplete(String.join("; ", reasons)));
        }
    }
}
