package nl.metrokaart.newsletter.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.metrokaart.newsletter.meeting.Meeting;
import nl.metrokaart.newsletter.meeting.MeetingScheduled;
import nl.metrokaart.newsletter.subscription.SubscriberRole;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.newsletter.subscription.Subscription;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invites the meeting's audience by e-mail as the meeting is scheduled (same transaction): all staff → every
 * subscriber, secretaries → subscribers with role secretary, steering committee → role steering-committee-member.
 * Each invitation carries the meeting as an iCalendar request ({@code text/calendar; method=REQUEST}).
 */
@ApplicationScoped
public class MeetingInvitations {

    static final String CALENDAR_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    Subscribers subscribers;

    @Inject
    MailQueue mail;

    @ConfigProperty(name = "metrokaart.mail.from")
    String from;

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
        MailMessage.Attachment invitation = MailMessage.Attachment.text("invitation.ics", CALENDAR_TYPE, calendar(meeting));
        mail.queueToEach(audience, s -> s.email, s -> MailMessage.text(s.email, "[Metrokaart] Invitation: " + meeting.title,
                "Dear " + s.name + ",\n\nYou are invited to " + meeting.title + ".\n\n" + details(meeting)
                        + "\nThe invitation is attached; open it to add the meeting to your calendar.\n")
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

    /** The meeting as an RFC 5545 / RFC 5546 request with one event. */
    private String calendar(Meeting meeting) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Metrokaart//Meeting invitation 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.REQUEST);
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.id + "@metrokaart"));
        event.add(new DtStamp(meeting.createdAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(meeting.startsAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtEnd<>(meeting.endsAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Summary(meeting.title));
        event.add(new Location(meeting.location));
        event.add(new Description(details(meeting)));
        event.add(new Sequence(0));
        event.add(new Organizer("mailto:" + address(from)));
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("The meeting could not be written as iCalendar", e);
        }
        return out.toString();
    }

    /** The bare address of "Name &lt;address&gt;" or of a bare address. */
    static String address(String mailbox) {
        int open = mailbox.indexOf('<');
        return open < 0 ? mailbox.strip() : mailbox.substring(open + 1, mailbox.indexOf('>', open)).strip();
    }
}
