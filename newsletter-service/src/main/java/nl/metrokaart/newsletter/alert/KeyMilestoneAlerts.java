package nl.metrokaart.newsletter.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.newsletter.project.KnownProject;
import nl.metrokaart.newsletter.subscription.SubscriberRole;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.platform.persistence.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alerts the municipal secretaries (subscribers with role secretary) about key milestones: when one is missed
 * (as the missed event is recorded, in its transaction) and when one not yet achieved is due within the
 * configured number of days (daily check). Each milestone is alerted at most once per kind.
 */
@ApplicationScoped
public class KeyMilestoneAlerts {

    static final String MISSED = "missed";
    static final String DUE_SOON = "due-soon";

    @Inject
    Subscribers subscribers;

    @Inject
    MailQueue mail;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "metrokaart.alerts.key-milestone-due-days", defaultValue = "14")
    int dueDays;

    void missed(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        if (!"milestone-missed".equals(activity.type) || !activity.keyMilestone) {
            return;
        }
        UUID milestoneId = UUID.fromString(recorded.data().path("id").asText());
        alert(milestoneId, MISSED, "[Metrokaart] Key milestone missed: " + recorded.data().path("title").asText(),
                activity.summary);
    }

    @Scheduled(cron = "${metrokaart.alerts.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        checkDueMilestones();
    }

    /** Alerts about every open key milestone due from today within the configured days; returns how many. */
    public int checkDueMilestones() {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate today = LocalDate.now(clock);
            List<KnownMilestone> due = KnownMilestone.list(
                    "key = true and achievedDate is null and status = 'open' and dueDate >= ?1 and dueDate <= ?2 order by dueDate",
                    today, today.plusDays(dueDays));
            int alerted = 0;
            for (KnownMilestone milestone : due) {
                String project = KnownProject.<KnownProject>findByIdOptional(milestone.projectId)
                        .map(p -> p.code + " " + p.name).orElse("its project");
                if (alert(milestone.id, DUE_SOON, "[Metrokaart] Key milestone due on " + milestone.dueDate + ": " + milestone.title,
                        "Key milestone '" + milestone.title + "' of " + project + " is due on " + milestone.dueDate
                                + " and has not been achieved yet.")) {
                    alerted++;
                }
            }
            return alerted;
        });
    }

    /** Records the alert and queues it to every secretary, unless this milestone was alerted of this kind before. */
    private boolean alert(UUID milestoneId, String kind, String subject, String text) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO milestone_alert (milestone_id, kind, alerted_at) VALUES (:milestone, :kind, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("milestone", milestoneId).setParameter("kind", kind).setParameter("now", StoredTime.now())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        mail.queueToEach(subscribers.withRole(SubscriberRole.SECRETARY), s -> s.email, s -> MailMessage.text(s.email, subject,
                "Dear " + s.name + ",\n\n" + text + "\n\nYou get this alert as a municipal secretary subscribed to Metrokaart.\n"));
        return true;
    }
}
