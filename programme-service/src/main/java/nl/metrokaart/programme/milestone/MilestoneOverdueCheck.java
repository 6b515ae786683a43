package nl.metrokaart.programme.milestone;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.programme.events.ProgrammeEvents;
import org.jboss.logging.Logger;

/** Marks key milestones whose due date has passed unachieved as missed, once, and announces it. */
@ApplicationScoped
public class MilestoneOverdueCheck {

    private static final Logger LOG = Logger.getLogger(MilestoneOverdueCheck.class);

    @Inject
    ProgrammeEvents events;

    /** Due dates are Dutch calendar days: a milestone due today is not missed until midnight in the Netherlands. */
    @Inject
    Clock clock;

    @Scheduled(every = "${metrokaart.milestones.overdue-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int missed = markOverdue(LocalDate.now(clock));
        if (missed > 0) {
            LOG.infof("Marked %d key milestone(s) as missed", missed);
        }
    }

    /** Marks every key milestone due before {@code today} that is neither achieved nor already missed. */
    @Transactional
    public int markOverdue(LocalDate today) {
        // Locked so that a concurrent PUT (e.g. recording the achievement) waits instead of failing on its version.
        List<Milestone> overdue = Milestone.<Milestone>find(
                        "key = true and achievedDate is null and missedAt is null and dueDate < ?1 order by dueDate, id",
                        today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = StoredTime.now();
        for (Milestone milestone : overdue) {
            milestone.missedAt = now;
            milestone.updatedAt = now;
        }
        Milestone.flush();
        for (Milestone milestone : overdue) {
            events.aboutProject(milestone.projectId, ProgrammeEvents.MILESTONE_MISSED, MilestoneEventData.of(milestone));
        }
        return overdue.size();
    }
}
