package nl.metrokaart.programme.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.milestone.MilestoneService;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectService;

/** Splits a programme's key milestones into upcoming, overdue and achieved, as of today. */
@ApplicationScoped
public class PlanningService {

    public static final int DEFAULT_HORIZON_DAYS = 365;
    public static final int MAX_HORIZON_DAYS = 3650;

    /** Ties on the due date are broken by project and title, then id, so the order never depends on the database. */
    private static final Comparator<PlannedMilestone> BY_DUE_DATE = Comparator
            .comparing(PlannedMilestone::dueDate)
            .thenComparing(PlannedMilestone::projectCode)
            .thenComparing(PlannedMilestone::title)
            .thenComparing(PlannedMilestone::milestoneId);

    @Inject
    ProgrammeService programmes;

    @Inject
    ProjectService projects;

    @Inject
    MilestoneService milestones;

    @Inject
    Clock clock;

    public Planning planning(UUID programmeId, int horizonDays) {
        Programme programme = programmes.get(programmeId);
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(horizonDays);
        Map<UUID, Project> projects = this.projects.ofProgramme(programmeId).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<PlannedMilestone> upcoming = new ArrayList<>();
        List<PlannedMilestone> overdue = new ArrayList<>();
        List<PlannedMilestone> achieved = new ArrayList<>();
        for (Milestone milestone : milestones.keyMilestonesOf(projects.keySet())) {
            PlanningState status = PlanningState.of(milestone, today);
            PlannedMilestone item = item(milestone, projects.get(milestone.projectId), status);
            switch (status) {
                case ACHIEVED -> achieved.add(item);
                case OVERDUE -> overdue.add(item);
                case UPCOMING -> {
                    if (!milestone.dueDate.isAfter(horizon)) {
                        upcoming.add(item);
                    }
                }
            }
        }
        upcoming.sort(BY_DUE_DATE);
        overdue.sort(BY_DUE_DATE);
        achieved.sort(BY_DUE_DATE);
        return new Planning(programmeId, programme.name, today, horizonDays, List.copyOf(upcoming), List.copyOf(overdue),
                List.copyOf(achieved));
    }

    private static PlannedMilestone item(Milestone milestone, Project project, PlanningState status) {
        return new PlannedMilestone(milestone.id, project.id, project.code, project.name, project.status,
                project.line, milestone.title, milestone.dueDate, milestone.achievedDate, status, milestone.updatedAt);
    }
}
