package nl.metrokaart.newsletter.meeting;

/**
 * CDI event fired synchronously in the transaction that scheduled a meeting, so that invitations are queued
 * exactly when the meeting exists.
 */
public record MeetingScheduled(Meeting meeting) {
}
