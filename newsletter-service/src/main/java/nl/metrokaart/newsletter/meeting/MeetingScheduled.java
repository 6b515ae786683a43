package nl.metrokaart.newsletter.meeting;

/**
 * CDI event fired synchronously in the transaction that scheduled or changed a meeting, so that invitations (or
 * updated ones) are queued exactly when the meeting, or its change, exists.
 *
 * @param changed false when the meeting was just scheduled, true when an existing meeting was changed
 */
public record MeetingScheduled(Meeting meeting, boolean changed) {
}
