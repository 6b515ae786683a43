package nl.metrokaart.programme.milestone;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
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

    @Inject
    EntityManager entityManager;

    @Override
    public List<OpenMilestone> openKeyMilestones(UUID projectId) {
        return Milestone.<Milestone>list("projectId = ?1 and key = true and achievedDate is null order by dueDate", projectId)
                .stream().map(m -> new OpenMilestone(m.id, m.title)).toList();
    }

    /**
     * The key milestones of the programme's projects, in no particular order, as detached copies for reading (the
     * metro map, the planning): selecting their columns costs a fraction of loading thousands of managed entities.
     * The projects are selected by programme in a subquery, not bound as a list of ids: PostgreSQL takes at most
     * 65,535 parameters in one statement.
     */
    public List<Milestone> keyMilestonesOfProgramme(UUID programmeId) {
        return copies("m.key = true", programmeId);
    }

    /** The milestones of the programme's projects not yet achieved, as {@link #keyMilestonesOfProgramme}. */
    public List<Milestone> openOfProgramme(UUID programmeId) {
        return copies("m.achievedDate is null", programmeId);
    }

    private List<Milestone> copies(String condition, UUID programmeId) {
        return entityManager.createQuery("select m.id, m.projectId, m.title, m.dueDate, m.achievedDate, m.key,"
                        + " m.missedAt, m.version, m.createdAt, m.updatedAt from Milestone m where " + condition
                        + " and m.projectId in (select p.id from Project p where p.programmeId = :programme)",
                        Object[].class)
                .setParameter("programme", programmeId)
                .getResultList().stream().map(MilestoneService::copy).toList();
    }

    private static Milestone copy(Object[] row) {
        Milestone milestone = new Milestone();
        milestone.id = (UUID) row[0];
        milestone.projectId = (UUID) row[1];
        milestone.title = (String) row[2];
        milestone.dueDate = (LocalDate) row[3];
        milestone.achievedDate = (LocalDate) row[4];
        milestone.key = (Boolean) row[5];
        milestone.missedAt = (Instant) row[6];
        milestone.version = (Long) row[7];
        milestone.createdAt = (Instant) row[8];
        milestone.updatedAt = (Instant) row[9];
        return milestone;
    }

    @Transactional
    public List<Milestone> list(UUID projectId) {
        projects.get(projectId);
        return Milestone.list("projectId = ?1 order by dueDate, title, id", projectId);
    }

    @Transactional
    public Milestone get(UUID projectId, UUID milestoneId) {
        projects.get(projectId);
        return find(projectId, milestoneId, LockModeType.NONE);
    }

    @Transactional
    public Milestone create(UUID projectId, MilestoneRequest request) {
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
        MilestoneEventData data = MilestoneEventData.of(milestone);
        events.aboutProject(projectId, ProgrammeEvents.MILESTONE_SCHEDULED, data);
        if (milestone.isAchieved()) {
            events.aboutProject(projectId, ProgrammeEvents.MILESTONE_ACHIEVED, data);
        }
        return milestone;
    }

    @Transactional
    public Milestone replace(UUID projectId, UUID milestoneId, String ifMatch, MilestoneRequest request) {
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
            return milestone;
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
        // Flush so the milestone (its event and its representation's ETag) carries the incremented version.
        Milestone.flush();
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
        return milestone;
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
