package nl.metrokaart.programme.project;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.text.ProblemMessages;
import nl.metrokaart.programme.text.RequestTexts;

/** The status state machine of a project and its guards (predecessors realised, key milestones achieved). */
@ApplicationScoped
public class ProjectStatusService {

    @Inject
    ProjectService projects;

    @Inject
    ProjectChanges changes;

    @Inject
    OpenKeyMilestones keyMilestones;

    @Inject
    MustFinishBeforePredecessors predecessors;

    @Inject
    ProgrammeEvents events;

    @Inject
    EntityManager entityManager;

    @Transactional
    public ProjectStatusChange changeStatus(UUID id, StatusChangeRequest request) {
        Project project = changes.lock(id);
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
            List<OpenKeyMilestones.OpenMilestone> open = keyMilestones.openKeyMilestones(project.id);
            if (!open.isEmpty()) {
                List<String> titles = open.stream().map(OpenKeyMilestones.OpenMilestone::title).toList();
                throw Problems.conflict(RequestTexts.problems().openKeyMilestones(project.code, String.join("; ", titles)))
                        .with("openMilestones", open.stream().map(m -> Map.of("id", m.id().toString(), "title", m.title())).toList())
                        .build();
            }
        }
        changes.touch(project);
        project.status = to;
        ProjectStatusChange change = changes.recordStatus(project, from, to, request.explanation().strip());
        entityManager.flush();
        events.aboutProject(project.id, ProgrammeEvents.PROJECT_STATUS_CHANGED,
                new ProjectEventData.StatusChanged(ProjectEventData.of(project), from, to, change.explanation,
                        change.changedBy));
        return change;
    }

    public List<ProjectStatusChange> history(UUID projectId) {
        projects.get(projectId);
        return ProjectStatusChange.list("projectId = ?1 order by changedAt, id", projectId);
    }

    public ProjectStatusChange statusChange(UUID projectId, UUID changeId) {
        return ProjectStatusChange.<ProjectStatusChange>find("id = ?1 and projectId = ?2", changeId, projectId)
                .firstResultOptional()
                .orElseThrow(() -> HttpProblem.valueOf(jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                        RequestTexts.problems().statusChangeNotFound(changeId, projectId)));
    }

    private List<Project> unrealisedPredecessors(Project project) {
        List<UUID> predecessorIds = predecessors.mustFinishBefore(project.id);
        if (predecessorIds.isEmpty()) {
            return List.of();
        }
        List<Project> predecessors = Project.list("id in ?1", predecessorIds);
        return predecessors.stream().filter(p -> p.status != ProjectStatus.REALISED)
                .sorted(Comparator.comparing(p -> p.code)).toList();
    }
}
