package nl.metrokaart.programme.dependency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.milestone.MilestoneService;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.programme.ProgrammeAnswers;
import nl.metrokaart.programme.project.ProjectService;

/** Answers "what if this project slips N days?" from the current planning; changes nothing. */
@ApplicationScoped
public class ImpactService {

    private static final Comparator<Impact.MovedMilestone> BY_NEW_DUE_DATE =
            Comparator.comparing(Impact.MovedMilestone::newDueDate)
                    .thenComparing(Impact.MovedMilestone::title)
                    .thenComparing(Impact.MovedMilestone::milestoneId);

    @Inject
    ProjectService projectService;

    @Inject
    MilestoneService milestoneService;

    @Inject
    DependencyService dependencyService;

    @Inject
    ProgrammeAnswers answers;

    @Inject
    EntityTags entityTags;

    /**
     * The answer as the JSON a client receives and its ETag: computed and serialised once per change of the
     * project's programme (a slip can move thousands of projects and milestones), kept in {@link ProgrammeAnswers}.
     */
    public EntityTags.TaggedJson impactJson(UUID projectId, int slipDays) {
        // The programme only, not the project: an entity read before the change number would be used, as the
        // session keeps it, in place of the one read after it.
        UUID programmeId = projectService.programmeOf(projectId);
        return answers.get(programmeId, "impact " + projectId + " " + slipDays,
                () -> entityTags.tagged(ImpactResponse.of(impact(projectId, slipDays))),
                tagged -> tagged.json().length);
    }

    /** Reads only, so no transaction: one would flush (dirty-check) every project, link and milestone it loaded. */
    public Impact impact(UUID projectId, int slipDays) {
        Project origin = projectService.get(projectId);
        Map<UUID, Project> projects = new HashMap<>();
        Map<UUID, SlipPropagation.Plan> plans = new HashMap<>();
        for (Project p : projectService.ofProgramme(origin.programmeId)) {
            projects.put(p.id, p);
            plans.put(p.id, new SlipPropagation.Plan(p.plannedStartDate, p.plannedEndDate));
        }
        List<SlipPropagation.Link<UUID>> links = new ArrayList<>();
        for (Dependency d : dependencyService.withinProgramme(origin.programmeId)) {
            if (d.type == DependencyType.MUST_FINISH_BEFORE) {
                links.add(new SlipPropagation.Link<>(d.predecessorId, d.projectId, d.lagDays));
            }
        }

        Map<UUID, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans, links, projectId, slipDays);

        List<Impact.MovedProject> moved = new ArrayList<>(shifts.size());
        shifts.forEach((id, shift) -> moved.add(new Impact.MovedProject(id, projects.get(id).code, shift)));
        // The programme's open milestones, filtered here: the moved projects can be too many to bind as parameters.
        List<Impact.MovedMilestone> milestones = new ArrayList<>();
        for (Milestone m : milestoneService.openOfProgramme(origin.programmeId)) {
            SlipPropagation.Shift shift = shifts.get(m.projectId);
            if (shift != null) {
                milestones.add(new Impact.MovedMilestone(m.id, m.projectId, m.title, m.dueDate, shift.days()));
            }
        }
        milestones.sort(BY_NEW_DUE_DATE);
        return new Impact(projectId, slipDays, List.copyOf(moved), List.copyOf(milestones));
    }
}
