package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.metrokaart.newsletter.project.KnownProject;
import nl.metrokaart.newsletter.project.ProjectKnowledge;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.inbox.MalformedEventException;
import nl.metrokaart.platform.inbox.ReceivedEvent;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
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
    Event<ActivityRecorded> recorded;

    @Inject
    ActivitySummaries summaries;

    @Transactional(Transactional.TxType.MANDATORY)
    public Activity record(ReceivedEvent event, JsonNode data) {
        // Positions in commit order, also with several instances consuming: the lock is held until commit, and the
        // position is taken after it (at insert). Readers that continue after a position (the feed's cursor, the
        // weekly digest) so never skip an activity that committed late with a lower position.
        AdvisoryLocks.lock(entityManager, FEED_ORDER_LOCK);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.eventId = event.id();
        activity.eventSource = event.source();
        activity.eventType = event.type();
        activity.type = event.type().substring(event.type().lastIndexOf('.') + 1);
        activity.projectId = projectId(data);
        activity.municipalityCode = textOrNull(data, "municipalityCode");
        activity.concernedMunicipalities = concernedMunicipalities(activity.municipalityCode, data);
        activity.keyMilestone = activity.type.startsWith("milestone-") && data.path("key").asBoolean();
        KnownProject project = projects.project(activity.projectId).orElse(null);
        activity.projectCode = project != null ? project.code : projectCode(data);
        // As recorded, in the default language; readers get it in theirs (ActivitySummaries).
        activity.summary = summaries.of(activity.type, activity.projectId, activity.projectCode, data, Language.DEFAULT);
        Instant now = StoredTime.now();
        activity.occurredAt = event.time() != null ? StoredTime.of(event.time().toInstant()) : now;
        activity.receivedAt = now;
        activity.data = data.toString();
        activity.persist();
        recorded.fire(new ActivityRecorded(activity, data));
        return activity;
    }

    /** The municipality the event names, and each one paying a share of a cost allocation. */
    private static Set<String> concernedMunicipalities(String named, JsonNode data) {
        Set<String> codes = new HashSet<>(ActivitySummaries.payingMunicipalities(data));
        if (named != null) {
            codes.add(named);
        }
        return codes;
    }

    /** The project an event is about: the project itself, or the {@code projectId} of a milestone, decision, etc. */
    private static UUID projectId(JsonNode data) {
        String id = data.path("project").isObject() ? textOrNull(data.path("project"), "id")
                : data.has("projectId") ? textOrNull(data, "projectId") : textOrNull(data, "id");
        if (id == null) {
            throw new MalformedEventException("Event data names no project");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Project id " + id + " is not a UUID", e);
        }
    }

    /** The code of a project not (yet) known here, if the event names it. */
    private static String projectCode(JsonNode data) {
        if (data.path("project").isObject()) {
            return textOrNull(data.path("project"), "code");
        }
        return data.has("projectCode") ? textOrNull(data, "projectCode") : data.has("projectId") ? null : textOrNull(data, "code");
    }

    private static String textOrNull(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
