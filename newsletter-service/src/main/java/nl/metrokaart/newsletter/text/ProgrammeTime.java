package nl.metrokaart.newsletter.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import nl.metrokaart.platform.language.Language;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Times as people read them: in the programme's time zone ({@code metrokaart.time-zone}, Europe/Amsterdam by
 * default), written the way of the reader's language, e.g. "donderdag 3 september 2009, 10:00–12:00".
 */
@ApplicationScoped
public class ProgrammeTime {

    private final ZoneId zone;

    public ProgrammeTime(@ConfigProperty(name = "metrokaart.time-zone", defaultValue = "Europe/Amsterdam") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "3 september 2009" / "3 September 2009". */
    public String date(LocalDate date, Language language) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(date);
    }

    /** "donderdag 3 september 2009, 10:00" / "Thursday 3 September 2009, 10:00". */
    public String dateTime(Instant instant, Language language) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", language.locale()).format(instant.atZone(zone));
    }

    /** "donderdag 3 september 2009, 10:00–12:00"; an end on another day is written in full. */
    public String span(Instant start, Instant end, Language language) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime until = end.atZone(zone);
        String ending = from.toLocalDate().equals(until.toLocalDate())
                ? DateTimeFormatter.ofPattern("HH:mm").format(until) : dateTime(end, language);
        return dateTime(start, language) + "–" + ending;
    }
}
