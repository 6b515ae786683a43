package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import nl.metrokaart.newsletter.project.KnownProject;
import nl.metrokaart.newsletter.project.ProjectKnowledge;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.inbox.ReceivedEvent;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.OncePerTransaction;
import nl.metrokaart.platform.persistence.StoredTime;

/** Turns a consumed CloudEvent into an {@link Activity} and tells the observers of {@link ActivityRecorded}. */
@ApplicationScoped
public class ActivityRecorder {

    /** Arbitrary constant naming the advisory lock that orders the feed. */
    static final long FEED_ORDER_LOCK = 0x4d4b_4645_4544L;

    @Inject
    ProjectKnowledge projects;

    @Inject
    EntityManager entityManager;

    @Inject
    OncePerTransaction once;

    @Inject
    Event<ActivityRecorded> recorded;

    @Inject
    ActivitySummaries summaries;

    /**
     * Records the event as an activity about {@code subject} (what the consumer read of its typed {@code payload});
     * the activity keeps the event's data as received, for the feed, summaries and webhooks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity record(ReceivedEvent event, Record payload, ActivitySubject subject) {
        // Positions in commit order, also with several instances consuming: the lock is held until commit, and the
        // position is taken after it (at insert). Readers that continue after a position (the feed's cursor, the
        // weekly digest) so never skip an activity that committed late with a lower position. Held until commit, it
        // is taken once per transaction (a consumed batch records all its activities in one).
        once.run(ActivityRecorder.class.getName() + ".feed-order",
                () -> AdvisoryLocks.lock(entityManager, FEED_ORDER_LOCK));
        JsonNode data = event.data();
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.eventId = event.id();
        activity.eventSource = event.source();
        activity.eventType = event.type();
        activity.type = event.type().substring(event.type().lastIndexOf('.') + 1);
        activity.projectId = subject.projectId();
        activity.municipalityCode = subject.municipalityCode();
        activity.concernedMunicipalities = new HashSet<>(subject.concernedMunicipalities());
        activity.keyMilestone = subject.keyMilestone();
        KnownProject project = projects.project(activity.projectId).orElse(null);
        activity.projectCode = project != null ? project.code : subject.projectCode();
        // As recorded, in the default language; readers get it in theirs (ActivitySummaries).
        activity.summary = summaries.of(activity.type, activity.projectId, activity.projectCode, data, Language.DEFAULT);
        Instant now = StoredTime.now();
        activity.occurredAt = event.time() != null ? StoredTime.of(event.time().toInstant()) : now;
        activity.receivedAt = now;
        activity.data = data.toString();
        activity.persist();
        recorded.fire(new ActivityRecorded(activity, data, payload));
        return activity;
    }
}
