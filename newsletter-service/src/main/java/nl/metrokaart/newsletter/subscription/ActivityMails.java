package nl.metrokaart.newsletter.subscription;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityRecorded;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.platform.persistence.StoredTime;

/**
 * What subscribers get of the activity feed: per-event subscribers one e-mail per activity they follow, queued in
 * the transaction that records the activity (so exactly once per event); weekly-digest subscribers one e-mail
 * listing what they follow since their previous digest.
 */
@ApplicationScoped
public class ActivityMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    Subscribers subscribers;

    @Inject
    MailQueue mail;

    void perEvent(@Observes ActivityRecorded recorded) {
        Activity activity = recorded.activity();
        mail.queueToEach(subscribers.perEventFollowing(activity), s -> s.email, s -> MailMessage.text(s.email,
                "[Metrokaart] " + activity.summary, greeting(s) + activity.summary + "\n\nHappened: "
                        + WHEN.format(activity.occurredAt) + footer()));
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
        if (subscription == null) {
            return false;
        }
        List<Activity> since = Activity.list("position > ?1 order by position", subscription.lastDigestPosition);
        List<Activity> followed = since.stream().filter(subscription::follows).toList();
        if (!since.isEmpty()) {
            subscription.lastDigestPosition = since.get(since.size() - 1).position;
        }
        subscription.lastDigestAt = StoredTime.now();
        if (followed.isEmpty()) {
            return false;
        }
        StringBuilder text = new StringBuilder(greeting(subscription))
                .append("This is what happened in the programme since your previous digest:\n\n");
        followed.forEach(a -> text.append("- ").append(WHEN.format(a.occurredAt)).append(": ").append(a.summary).append('\n'));
        mail.queue(MailMessage.text(subscription.email, "[Metrokaart] Weekly digest: " + followed.size()
                + (followed.size() == 1 ? " activity" : " activities"), text.append(footer().substring(1)).toString()));
        return true;
    }

    private static String greeting(Subscription subscription) {
        return "Dear " + subscription.name + ",\n\n";
    }

    private static String footer() {
        return "\n\n-- \nYou get this e-mail because of your Metrokaart subscription; change or end it at /api/v1/subscriptions.\n";
    }
}
