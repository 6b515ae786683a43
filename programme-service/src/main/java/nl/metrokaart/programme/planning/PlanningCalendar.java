package nl.metrokaart.programme.planning;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.programme.text.Texts;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.metrokaart.programme.project.ProjectStatus;

/**
 * Writes a planning as an RFC 5545 calendar feed a secretary can subscribe to: one all-day event per key milestone.
 * The output depends only on the data, so an unchanged planning gives an unchanged feed and clients see no churn.
 */
final class PlanningCalendar {

    static final String MEDIA_TYPE = "text/calendar";
    static final String PROD_ID = "-//Metrokaart//Programme planning 1.0//EN";

    private PlanningCalendar() {
    }

    /** The planning with its texts in Dutch, the default. */
    static String write(Planning planning) {
        return write(planning, Texts.of(Language.DEFAULT));
    }

    /** The planning with its texts (calendar name, descriptions) in the language of {@code t}. */
    static String write(Planning planning, Texts t) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PROD_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // Widely read names and refresh hints for subscribed calendars (Apple, Google, Outlook).
        calendar.add(new XProperty("X-WR-CALNAME", t.get("planning.calendar-name", planning.name())));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT6H"));
        Stream.of(planning.overdue(), planning.upcoming(), planning.achieved())
                .flatMap(List::stream)
                .map(milestone -> event(milestone, t))
                .forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("The planning could not be written as iCalendar", e);
        }
        return out.toString();
    }

    private static VEvent event(PlannedMilestone milestone, Texts t) {
        // Without METHOD, DTSTAMP is when the event's information was last revised (RFC 5545 3.8.7.2).
        Instant revised = milestone.updatedAt() == null ? Instant.EPOCH : milestone.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        VEvent event = new VEvent(false);
        event.add(new Uid(milestone.milestoneId() + "@metrokaart"));
        event.add(new DtStamp(revised));
        event.add(new DtStart<>(milestone.dueDate()));
        // DTEND is exclusive: the event covers exactly the due date.
        event.add(new DtEnd<>(milestone.dueDate().plusDays(1)));
        event.add(new Summary(milestone.projectCode() + ": " + milestone.title()));
        event.add(new Description(description(milestone, t)));
        event.add(new Status(status(milestone)));
        event.add(new Categories(new TextList(t.get("planning.category"), milestone.line(), milestone.status().value())));
        // A deadline is not an appointment: it must not show the day as busy.
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    /** The project by name (not doubling a code its name starts with) and both statuses, in the reader's language. */
    private static String description(PlannedMilestone milestone, Texts t) {
        String name = milestone.projectName();
        String project = name.toLowerCase(java.util.Locale.ROOT).startsWith(milestone.projectCode().toLowerCase(java.util.Locale.ROOT))
                ? name : milestone.projectCode() + " \u2013 " + name;
        String status = t.get("milestone." + milestone.status().value());
        if (milestone.achievedDate() != null) {
            status = t.get("planning.achieved-on", status, t.date(milestone.achievedDate()));
        }
        return t.get("planning.project", project) + "\n"
                + t.get("planning.project-status", t.get("status." + milestone.projectStatus().value())) + "\n"
                + t.get("planning.milestone-status", status);
    }

    /** CONFIRMED while the date holds; TENTATIVE once it has passed unachieved; CANCELLED with its project. */
    private static String status(PlannedMilestone milestone) {
        if (milestone.projectStatus() == ProjectStatus.CANCELLED && milestone.status() != PlanningState.ACHIEVED) {
            return Status.VALUE_CANCELLED;
        }
        return milestone.status() == PlanningState.OVERDUE ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED;
    }
}
