package nl.metrokaart.newsletter.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.subscription.SubscriberMail;
import nl.metrokaart.newsletter.subscription.SubscriberRole;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.newsletter.subscription.Subscription;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.platform.language.Language;

/**
 * Invites the meeting's audience by e-mail as the meeting is scheduled or changed (same transaction): all staff →
 * every subscriber, secretaries → subscribers with role secretary, steering committee → role
 * steering-committee-member. Each invitation, in the reader's language with local times, carries the meeting as
 * an iCalendar request ({@code text/calendar; method=REQUEST}) naming the reader as ATTENDEE; after a change the
 * same UID with a higher SEQUENCE, so calendars update the event they hold instead of adding a second one; after a
 * cancellation a {@code method=CANCEL} that removes it.
 */
@ApplicationScoped
public class MeetingInvitations {

    static final String CALENDAR_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    static final String CANCEL_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";

    @Inject
    Subscribers subscribers;

    @Inject
    MailQueue mail;

    @Inject
    MeetingCalendar calendar;

    @Inject
    SubscriberMail letters;

    @Inject
    ProgrammeTime time;

    void invite(@Observes MeetingScheduled scheduled) {
        Meeting meeting = scheduled.meeting();
        List<Subscription> audience = switch (meeting.audience) {
            case ALL_STAFF -> subscribers.all();
            case SECRETARIES -> subscribers.withRole(SubscriberRole.SECRETARY);
            case STEERING_COMMITTEE -> subscribers.withRole(SubscriberRole.STEERING_COMMITTEE_MEMBER);
        };
        mail.queueToEach(audience, s -> s.email, s -> invitation(meeting, scheduled.changed(), s));
    }

    private MailMessage invitation(Meeting meeting, boolean changed, Subscription reader) {
        Texts t = letters.texts(reader);
        Language language = reader.language();
        String subject = meeting.cancelled() ? t.invitationCancelledSubject(meeting.title)
                : changed ? t.invitationChangedSubject(meeting.title) : t.invitationSubject(meeting.title);
        String opening = meeting.cancelled() ? t.invitationCancelledOpening(meeting.title, meeting.cancellationReason)
                : changed ? t.invitationChangedOpening(meeting.title) : t.invitationOpening(meeting.title);
        String closing = meeting.cancelled() ? t.invitationCancelledClosing() : t.invitationClosing();
        StringBuilder details = new StringBuilder()
                .append(t.meetingWhen(time.span(meeting.startsAt, meeting.endsAt, language))).append('\n')
                .append(t.meetingWhere(meeting.location)).append('\n');
        if (!meeting.agendaItems.isEmpty()) {
            details.append('\n').append(t.meetingAgenda()).append('\n').append(calendar.agenda(meeting));
        }
        MailMessage.Attachment ics = MailMessage.Attachment.text("invitation.ics", meeting.cancelled() ? CANCEL_TYPE : CALENDAR_TYPE,
                calendar.request(meeting, new MeetingCalendar.Attendee(reader.name, reader.email), language));
        return letters.text(reader, subject, opening + "\n\n" + details + "\n" + closing).withAttachment(ics);
    }
}
