package nl.metrokaart.newsletter.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityService;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.newsletter.activity.ActivitySummaries;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.persistence.StoredTime;

/**
 * What subscribers get of the activity feed: per-event subscribers one e-mail per activity they follow, queued in
 * the transaction that records the activity (so exactly once per event); weekly-digest subscribers one e-mail
 * listing what they follow since their previous digest. Each in the subscriber's language, times local.
 */
@ApplicationScoped
public class ActivityMails {

    @Inject
    Subscribers subscribers;

    @Inject
    ActivityService activities;

    @Inject
    MailQueue mail;

    @Inject
    SubscriberMail letters;

    @Inject
    ActivitySummaries summaries;

    @Inject
    ProgrammeTime time;

    void perEvent(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        mail.queueToEach(subscribers.perEventFollowing(activity), s -> s.email, s -> {
            Language language = s.language();
            String summary = summaries.of(activity, language);
            return letters.text(s, summary, summary + "\n\n"
                    + letters.texts(s).activityHappened(time.dateTime(activity.occurredAt, language)));
        });
    }

    @Scheduled(cron = "${metrokaart.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledDigest() {
        sendWeeklyDigests();
    }

    /** Queues each weekly-digest subscriber's digest (each in its own transaction); returns how many were queued. */
    public int sendWeeklyDigests() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> subscribers.weeklyDigest().stream().map(s -> s.id).toList());
        int queued = 0;
        for (UUID id : ids) {
            if (QuarkusTransaction.requiringNew().call(() -> digest(id))) {
                queued++;
            }
        }
        return queued;
    }

    /** One subscriber's digest: what they follow after their last digest; nothing is sent when nothing happened. */
    private boolean digest(UUID subscriptionId) {
        Subscription subscription = Subscription.findById(subscriptionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null || !subscription.confirmed()) {
            return false;
        }
        List<Activity> since = activities.after(subscription.lastDigestPosition);
        List<Activity> followed = since.stream().filter(subscription::follows).toList();
        if (!since.isEmpty()) {
            subscription.lastDigestPosition = since.get(since.size() - 1).position;
        }
        subscription.lastDigestAt = StoredTime.now();
        if (followed.isEmpty()) {
            return false;
        }
        Language language = subscription.language();
        Texts t = letters.texts(subscription);
        StringBuilder text = new StringBuilder(t.digestIntroduction()).append("\n\n");
        followed.forEach(a -> text.append("- ").append(time.dateTime(a.occurredAt, language)).append(": ")
                .append(summaries.of(a, language)).append('\n'));
        mail.queue(letters.text(subscription, t.digestSubject(followed.size()), text.toString()));
        return true;
    }
}
