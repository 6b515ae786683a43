package nl.metrokaart.programme.dependency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.metrokaart.programme.milestone.MilestoneService;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectService;

/** Answers "what if this project slips N days?" from the current planning; changes nothing. */
@ApplicationScoped
public class ImpactService {

    @Inject
    ProjectService projectService;

    @Inject
    MilestoneService milestoneService;

    @Transactional
    public ImpactResponse impact(UUID projectId, int slipDays) {
        Project origin = projectService.get(projectId);
        Map<UUID, Project> projects = projectService.ofProgramme(origin.programmeId).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<SlipPropagation.Link<UUID>> links = Dependency.<Dependency>list("projectId in ?1 and type = ?2",
                        projects.keySet(), DependencyType.MUST_FINISH_BEFORE).stream()
                .map(d -> new SlipPropagation.Link<>(d.predecessorId, d.projectId, d.lagDays))
                .toList();
        Map<UUID, SlipPropagation.Plan> plans = projects.values().stream().collect(Collectors.toMap(
                p -> p.id, p -> new SlipPropagation.Plan(p.plannedStartDate, p.plannedEndDate)));

        Map<UUID, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans, links, projectId, slipDays);

        List<ImpactResponse.ImpactedProject> moved = new ArrayList<>();
        shifts.forEach((id, shift) -> moved.add(new ImpactResponse.ImpactedProject(
                id, projects.get(id).code, shift.days(), shift.newStart(), shift.newEnd())));
        List<ImpactResponse.ImpactedMilestone> milestones = milestoneService.openOf(shifts.keySet()).stream()
                .map(m -> new ImpactResponse.ImpactedMilestone(m.id, m.projectId, m.title, m.dueDate,
                        m.dueDate.plusDays(shifts.get(m.projectId).days())))
                .sorted(Comparator.comparing(ImpactResponse.ImpactedMilestone::newDueDate)
                        .thenComparing(ImpactResponse.ImpactedMilestone::title)
                        .thenComparing(ImpactResponse.ImpactedMilestone::milestoneId))
                .toList();
        return new ImpactResponse(projectId, slipDays, moved, milestones);
    }
}
