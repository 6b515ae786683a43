package nl.metrokaart.newsletter.meeting;

/**
 * CDI event fired synchronously in the transaction that scheduled, changed or cancelled a meeting, so that
 * invitations (updated ones, cancellations) are queued exactly when the meeting, or its change, exists.
 *
 * @param changed false when the meeting was just scheduled, true when an existing meeting was changed or cancelled
 *                ({@link Meeting#cancelled()} tells which)
 */
public record MeetingScheduled(Meeting meeting, boolean changed) {
}
