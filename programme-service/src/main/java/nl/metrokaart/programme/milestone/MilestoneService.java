package nl.metrokaart.programme.milestone;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.programme.events.ProgrammeEvents;
import nl.metrokaart.programme.project.OpenKeyMilestones;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectService;
import nl.metrokaart.programme.text.RequestTexts;

/** The rules around milestones: they belong to one project, changes are conditional and announced as events. */
@ApplicationScoped
public class MilestoneService implements OpenKeyMilestones {

    static final int YEARS_AROUND_PROJECT = 25;

    @Inject
    Preconditions preconditions;

    @Inject
    ProgrammeEvents events;

    @Inject
    ProjectService projects;

    @Override
    public List<OpenMilestone> openKeyMilestones(UUID projectId) {
        return Milestone.<Milestone>list("projectId = ?1 and key = true and achievedDate is null order by dueDate", projectId)
                .stream().map(m -> new OpenMilestone(m.id, m.title)).toList();
    }

    /** The key milestones of these projects, in no particular order. */
    public List<Milestone> keyMilestonesOf(Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return Milestone.list("from Milestone m where m.key = true and m.projectId in ?1", List.copyOf(projectIds));
    }

    /** The milestones of these projects not yet achieved, in no particular order. */
    public List<Milestone> openOf(Collection<UUID> projectIds) {
        return Milestone.list("projectId in ?1 and achievedDate is null", projectIds);
    }

    @Transactional
    public List<MilestoneResponse> list(UUID projectId) {
        projects.get(projectId);
        return Milestone.<Milestone>list("projectId = ?1 order by dueDate, title, id", projectId).stream()
                .map(MilestoneResponse::of).toList();
    }

    @Transactional
    public MilestoneResponse get(UUID projectId, UUID milestoneId) {
        projects.get(projectId);
        return MilestoneResponse.of(find(projectId, milestoneId, LockModeType.NONE));
    }

    @Transactional
    public MilestoneResponse create(UUID projectId, MilestoneRequest request) {
        requireNearProject(projects.get(projectId), request);
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.projectId = projectId;
        milestone.createdAt = StoredTime.now();
        milestone.updatedAt = milestone.createdAt;
        milestone.title = request.title().strip();
        milestone.dueDate = request.dueDate();
        milestone.achievedDate = request.achievedDate();
        milestone.key = request.key();
        milestone.persist();
        MilestoneResponse created = MilestoneResponse.of(milestone);
        MilestoneEventData data = MilestoneEventData.of(milestone);
        events.aboutProject(projectId, ProgrammeEvents.MILESTONE_SCHEDULED, data);
        if (milestone.isAchieved()) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_ACHIEVED, data);
        }
        return created;
    }

    @Transactional
    public MilestoneResponse replace(UUID projectId, UUID milestoneId, String ifMatch, MilestoneRequest request) {
        requireNearProject(projects.get(projectId), request);
        Milestone milestone = find(projectId, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        preconditions.requireMatch(ifMatch, MilestoneResponse.of(milestone));

        boolean rescheduled = !milestone.dueDate.equals(request.dueDate());
        boolean achieved = !milestone.isAchieved() && request.achievedDate() != null;
        boolean unachieved = milestone.isAchieved() && request.achievedDate() == null;
        boolean otherwiseChanged = !milestone.title.equals(request.title().strip()) || milestone.key != request.key()
                || milestone.isAchieved() && request.achievedDate() != null
                        && !milestone.achievedDate.equals(request.achievedDate());
        boolean changed = rescheduled || !Objects.equals(milestone.achievedDate, request.achievedDate())
                || !milestone.title.equals(request.title().strip()) || milestone.key != request.key();
        if (!changed) {
            return MilestoneResponse.of(milestone);
        }
        milestone.title = request.title().strip();
        milestone.dueDate = request.dueDate();
        milestone.achievedDate = request.achievedDate();
        milestone.key = request.key();
        if (rescheduled) {
            // A new due date is a new commitment: the overdue check judges it afresh.
            milestone.missedAt = null;
        }
        milestone.updatedAt = StoredTime.now();
        // Flush so the representation (and its ETag) carries the incremented version.
        Milestone.flush();
        MilestoneResponse replaced = MilestoneResponse.of(milestone);
        MilestoneEventData data = MilestoneEventData.of(milestone);
        if (rescheduled) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_RESCHEDULED, data);
        }
        if (achieved) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_ACHIEVED, data);
        }
        if (unachieved) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_UNACHIEVED, data);
        }
        if (otherwiseChanged) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_CHANGED, data);
        }
        return replaced;
    }

    @Transactional
    public void delete(UUID projectId, UUID milestoneId, String ifMatch) {
        projects.get(projectId);
        Milestone milestone = find(projectId, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        preconditions.requireMatch(ifMatch, MilestoneResponse.of(milestone));
        milestone.delete();
        events.aboutProject(projectId, ProgrammeEvents.MILESTONE_DELETED,
                new MilestoneDeleted(milestone.id, projectId, milestone.version + 1, StoredTime.now()));
    }

    /**
     * A milestone lies within {@value #YEARS_AROUND_PROJECT} years of its project's planned period: a date beyond
     * that is a typing error, and would stretch the planning and the metro map of the whole programme.
     */
    private static void requireNearProject(Project project, MilestoneRequest request) {
        LocalDate earliest = project.plannedStartDate.minusYears(YEARS_AROUND_PROJECT);
        LocalDate latest = project.plannedEndDate.plusYears(YEARS_AROUND_PROJECT);
        String reason = RequestTexts.problems().milestoneWindow(YEARS_AROUND_PROJECT, earliest, latest);
        if (request.dueDate() != null && (request.dueDate().isBefore(earliest) || request.dueDate().isAfter(latest))) {
            throw Problems.invalid("dueDate", "body", reason);
        }
        if (request.achievedDate() != null && request.achievedDate().isBefore(earliest)) {
            throw Problems.invalid("achievedDate", "body", reason);
        }
    }

    private static Milestone find(UUID projectId, UUID milestoneId, LockModeType lock) {
        Milestone milestone = Milestone.findById(milestoneId, lock);
        // A milestone of another project is as unknown here as one that does not exist.
        if (milestone == null || !milestone.projectId.equals(projectId)) {
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND,
                    RequestTexts.problems().milestoneNotFound(projectId, milestoneId));
        }
        return milestone;
    }


}
