package nl.metrokaart.newsletter.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.outbox.Outbox;

/**
 * The events newsletter-service publishes (documented in {@code asyncapi.yaml}): one topic for the programme's
 * communications, keyed by the newsletter or meeting id.
 */
@ApplicationScoped
public class CommunicationEvents {

    public static final String TOPIC = "metrokaart.newsletter.communications";

    private static final String PREFIX = "nl.metrokaart.newsletter.";
    public static final String NEWSLETTER_PUBLISHED = PREFIX + "newsletter-published";
    public static final String MEETING_SCHEDULED = PREFIX + "meeting-scheduled";
    public static final String MEETING_CHANGED = PREFIX + "meeting-changed";
    public static final String MEETING_CANCELLED = PREFIX + "meeting-cancelled";
    /** Every type this service publishes. */
    public static final List<String> TYPES = List.of(NEWSLETTER_PUBLISHED, MEETING_SCHEDULED, MEETING_CHANGED,
            MEETING_CANCELLED);

    @Inject
    Outbox outbox;

    /**
     * Records that a newsletter was published, in the current transaction: a thin notification whose {@code dataref}
     * is the path of the full newsletter (its text may be far larger than a Kafka record may be).
     */
    public void newsletterPublished(UUID newsletterId, Object notification) {
        outbox.record(TOPIC, newsletterId.toString(), NEWSLETTER_PUBLISHED, "newsletters/" + newsletterId, notification,
                "/api/v1/newsletters/" + newsletterId);
    }

    /** Records that a meeting was scheduled, in the current transaction; data is its representation. */
    public void meetingScheduled(UUID meetingId, Object meeting) {
        outbox.record(TOPIC, meetingId.toString(), MEETING_SCHEDULED, "meetings/" + meetingId, meeting);
    }

    /** Records that a meeting was cancelled, in the current transaction; data is its final representation. */
    public void meetingCancelled(UUID meetingId, Object meeting) {
        outbox.record(TOPIC, meetingId.toString(), MEETING_CANCELLED, "meetings/" + meetingId, meeting);
    }

    /** Records that a meeting was changed, in the current transaction; data is its new representation. */
    public void meetingChanged(UUID meetingId, Object meeting) {
        outbox.record(TOPIC, meetingId.toString(), MEETING_CHANGED, "meetings/" + meetingId, meeting);
    }
}
