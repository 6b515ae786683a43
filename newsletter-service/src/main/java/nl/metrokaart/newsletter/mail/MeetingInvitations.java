package nl.metrokaart.newsletter.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.metrokaart.newsletter.meeting.Meeting;
import nl.metrokaart.newsletter.meeting.MeetingCalendar;
import nl.metrokaart.newsletter.meeting.MeetingScheduled;
import nl.metrokaart.newsletter.subscription.SubscriberRole;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.newsletter.subscription.Subscription;

/**
 * Invites the meeting's audience by e-mail as the meeting is scheduled or changed (same transaction): all staff →
 * every subscriber, secretaries → subscribers with role secretary, steering committee → role
 * steering-committee-member. Each invitation carries the meeting as an iCalendar request
 * ({@code text/calendar; method=REQUEST}); after a change the same UID with a higher SEQUENCE, so calendars update
 * the event they hold instead of adding a second one; after a cancellation a {@code method=CANCEL} that removes it.
 */
@ApplicationScoped
public class MeetingInvitations {

    static final String CALENDAR_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    static final String CANCEL_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    Subscribers subscribers;

    @Inject
    MailQueue mail;

    @Inject
    MeetingCalendar calendar;

    void invite(@Observes MeetingScheduled scheduled) {
        Meeting meeting = scheduled.meeting();
        List<Subscription> audience = switch (meeting.audience) {
            case ALL_STAFF -> subscribers.all();
            case SECRETARIES -> subscribers.withRole(SubscriberRole.SECRETARY);
            case STEERING_COMMITTEE -> subscribers.withRole(SubscriberRole.STEERING_COMMITTEE_MEMBER);
        };
        if (audience.isEmpty()) {
            return;
        }
        MailMessage.Attachment invitation = MailMessage.Attachment.text("invitation.ics",
                meeting.cancelled() ? CANCEL_TYPE : CALENDAR_TYPE, calendar.request(meeting));
        String subject = (meeting.cancelled() ? "[Metrokaart] Cancelled: "
                : scheduled.changed() ? "[Metrokaart] Updated invitation: " : "[Metrokaart] Invitation: ") + meeting.title;
        String opening = meeting.cancelled() ? "The meeting " + meeting.title + " is cancelled: " + meeting.cancellationReason
                : scheduled.changed() ? "The meeting " + meeting.title + " has changed; this is how it stands now."
                : "You are invited to " + meeting.title + ".";
        String closing = meeting.cancelled() ? "The cancellation is attached; open it to remove the meeting from your calendar."
                : "The invitation is attached; open it to add the meeting to your calendar.";
        mail.queueToEach(audience, s -> s.email, s -> MailMessage.text(s.email, subject,
                "Dear " + s.name + ",\n\n" + opening + "\n\n" + details(meeting) + "\n" + closing + "\n")
                .withAttachment(invitation));
    }

    private static String details(Meeting meeting) {
        StringBuilder text = new StringBuilder()
                .append("When: ").append(WHEN.format(meeting.startsAt)).append(" to ").append(WHEN.format(meeting.endsAt))
                .append("\nWhere: ").append(meeting.location).append('\n');
        if (!meeting.agendaItems.isEmpty()) {
            text.append("\nAgenda:\n");
            int number = 1;
            for (Meeting.AgendaItem item : meeting.agendaItems) {
                text.append(number++).append(". ").append(item.title())
                        .append(item.projectCode() == null ? "" : " (" + item.projectCode() + ")").append('\n');
            }
        }
        return text.toString();
    }
}
