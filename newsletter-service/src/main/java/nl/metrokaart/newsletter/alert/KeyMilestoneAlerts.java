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
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.newsletter.activity.ActivitySummaries;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.newsletter.project.KnownProjects;
import nl.metrokaart.newsletter.project.ProgrammeEventData;
import nl.metrokaart.newsletter.subscription.SubscriberRole;
import nl.metrokaart.newsletter.subscription.SubscriberMail;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.newsletter.text.Names;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.persistence.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alerts the municipal secretaries (subscribers with role secretary) about key milestones: when one is missed
 * (as the missed event is recorded, in its transaction) and when one not yet achieved is due within the
 * configured number of days (daily check). Each milestone is alerted at most once per kind.
 */
@ApplicationScoped
public class KeyMilestoneAlerts {

    @Inject
    Subscribers subscribers;

    @Inject
    KnownProjects knownProjects;

    @Inject
    MailQueue mail;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    SubscriberMail letters;

    @Inject
    ActivitySummaries summaries;

    @Inject
    Translations translations;

    @Inject
    Names names;

    @Inject
    ProgrammeTime time;

    @ConfigProperty(name = "metrokaart.alerts.key-milestone-due-days", defaultValue = "14")
    int dueDays;

    void missed(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        if (!"milestone-missed".equals(activity.type) || !activity.keyMilestone
                || !(recorded.payload() instanceof ProgrammeEventData.Milestone milestone)) {
            return;
        }
        alert(milestone.id(), MilestoneAlertKind.MISSED, (t, language) -> t.alertMissedSubject(milestone.title()),
                language -> summaries.of(activity, language));
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
            List<KnownMilestone> due = knownProjects.openKeyMilestonesDue(today, today.plusDays(dueDays));
            int alerted = 0;
            for (KnownMilestone milestone : due) {
                if (alert(milestone.id, MilestoneAlertKind.DUE_SOON,
                        (t, language) -> t.alertDueSubject(time.date(milestone.dueDate, language), milestone.title),
                        language -> {
                            Texts t = translations.of(language);
                            return t.alertDueText(milestone.title, names.project(milestone.projectId, null, t),
                                    time.date(milestone.dueDate, language));
                        })) {
                    alerted++;
                }
            }
            return alerted;
        });
    }

    /** Records the alert and queues it to every secretary, unless this milestone was alerted of this kind before. */
    private boolean alert(UUID milestoneId, MilestoneAlertKind kind, BiFunction<Texts, Language, String> subject,
            Function<Language, String> text) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO milestone_alert (milestone_id, kind, alerted_at) VALUES (:milestone, :kind, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("milestone", milestoneId).setParameter("kind", kind.value()).setParameter("now", StoredTime.now())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        mail.queueToEach(subscribers.withRole(SubscriberRole.SECRETARY), s -> s.email, s -> {
            Texts t = letters.texts(s);
            return letters.text(s, subject.apply(t, s.language()), text.apply(s.language()), t.alertFooter());
        });
        return true;
    }
}
