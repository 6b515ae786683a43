package nl.metrokaart.newsletter.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.metrokaart.newsletter.text.Names;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A meeting as an RFC 5545 calendar with one event: published to read into a calendar client (GET with
 * {@code Accept: text/calendar}) or as an RFC 5546 request attached to an invitation. The UID stays the same for the
 * meeting and SEQUENCE follows its version, so a client updates the event it has instead of adding another.
 * Both carry the programme office as ORGANIZER, which RFC 5546 requires for PUBLISH and REQUEST; a request names
 * its reader as ATTENDEE (RSVP), so calendar clients show it as an invitation to them. Times are exact instants in
 * UTC (RFC 5545 form 2); the description is written in the reader's language, projects by name.
 */
@ApplicationScoped
public class MeetingCalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    static final String PROD_ID = "-//Metrokaart//Programme meetings 1.0//EN";

    private final String organizer;
    private final String organizerName;

    @Inject
    Translations translations;

    @Inject
    Names names;

    /** One invited person: the ATTENDEE of a request. */
    public record Attendee(String name, String email) {
    }

    @Inject
    MeetingCalendar(@ConfigProperty(name = "metrokaart.mail.from") String from) {
        this.organizer = "mailto:" + address(from);
        int open = from.indexOf('<');
        this.organizerName = open > 0 ? from.substring(0, open).strip() : null;
    }

    /** The meeting to add to a calendar ({@code METHOD:PUBLISH}). */
    public String publish(Meeting meeting, Language language) {
        return write(meeting, ImmutableMethod.PUBLISH, null, language);
    }

    /**
     * The meeting as an invitation to one attendee ({@code METHOD:REQUEST}), or once cancelled as its cancellation
     * ({@code CANCEL}).
     */
    public String request(Meeting meeting, Attendee attendee, Language language) {
        return write(meeting, meeting.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST, attendee, language);
    }

    private String write(Meeting meeting, Method method, Attendee attendee, Language language) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PROD_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event(meeting, attendee, language));
        StringWriter out = new StringWriter();
        try {
            // Not validated on output: ical4j 4.2's iTIP method rules report VALARM errors for events without alarms
            // (ical4j issues 692, 789); the tests parse what is written instead.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Meeting " + meeting.id + " could not be written as iCalendar", e);
        }
        return out.toString();
    }

    private VEvent event(Meeting meeting, Attendee attendee, Language language) {
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.id + "@metrokaart"));
        // The last revision, not the time of the request: an unchanged meeting gives an unchanged calendar.
        event.add(new DtStamp(meeting.updatedAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(meeting.startsAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtEnd<>(meeting.endsAt.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Sequence((int) Math.min(meeting.version, Integer.MAX_VALUE)));
        event.add(new Summary(meeting.title));
        event.add(new Location(meeting.location));
        event.add(new Description(description(meeting, translations.of(language))));
        event.add(new Categories(meeting.audience.value()));
        Organizer organizerProperty = new Organizer(organizer);
        if (organizerName != null) {
            organizerProperty.add(new Cn(organizerName));
        }
        event.add(organizerProperty);
        if (attendee != null) {
            net.fortuna.ical4j.model.property.Attendee invited =
                    new net.fortuna.ical4j.model.property.Attendee("mailto:" + attendee.email());
            invited.add(new Cn(attendee.name()));
            invited.add(Role.REQ_PARTICIPANT);
            invited.add(PartStat.NEEDS_ACTION);
            invited.add(Rsvp.TRUE);
            event.add(invited);
        }
        event.add(meeting.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    /** The bare address of "Name &lt;address&gt;" or of a bare address. */
    static String address(String mailbox) {
        int open = mailbox.indexOf('<');
        return open < 0 ? mailbox.strip() : mailbox.substring(open + 1, mailbox.indexOf('>', open)).strip();
    }

    /** Who it is for, then the agenda, one numbered item a line, with the project of items about a project. */
    String description(Meeting meeting, Texts t) {
        StringBuilder text = new StringBuilder(t.meetingAudience(t.audience(meeting.audience.value())));
        if (meeting.agendaItems.isEmpty()) {
            return text.append('\n').append(t.meetingNoAgenda()).toString();
        }
        text.append('\n').append(t.meetingAgenda()).append('\n').append(agenda(meeting));
        return text.toString().stripTrailing();
    }

    /** The agenda, one numbered item a line; an item about a project names it (unless its title already does). */
    public String agenda(Meeting meeting) {
        StringBuilder text = new StringBuilder();
        int number = 1;
        for (Meeting.AgendaItem item : meeting.agendaItems) {
            text.append(number++).append(". ").append(item.title());
            if (item.projectCode() != null) {
                String project = names.projectByCode(item.projectCode());
                if (!item.title().contains(project)) {
                    text.append(" (").append(project).append(')');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
