package nl.metrokaart.programme.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.metrokaart.programme.project.ProjectStatus;
import org.junit.jupiter.api.Test;

/** The feed's text survives a round trip through a calendar parser, whatever characters titles contain. */
class PlanningCalendarTest {

    private static final UUID MILESTONE = UUID.fromString("3f2b8c1e-5d4a-4e7b-9c1d-2a6f8e0b7c11");

    private static Planning planning(String title) {
        PlannedMilestone milestone = new PlannedMilestone(MILESTONE, UUID.randomUUID(), "WABO",
                "Omgevingsvergunning; online, met \"loket\"", ProjectStatus.AT_RISK, "digital-services", title,
                LocalDate.of(2026, 6, 30), null, PlanningState.UPCOMING, Instant.parse("2026-01-05T10:15:30.5Z"));
        return new Planning(UUID.randomUUID(), "EGEM Krimpenerwaard", LocalDate.of(2026, 3, 5), 365, List.of(milestone),
                List.of(), List.of());
    }

    @Test
    void specialCharactersAndLongLinesRoundTrip() throws Exception {
        String title = "Go-live; loket, koppeling \\ StUF-ZKN en een heel lange titel die over de regel van 75 octets "
                + "heen loopt \u2014 met é en ü";
        String ics = PlanningCalendar.write(planning(title));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "planning-example.ics"), ics, StandardCharsets.UTF_8);

        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertEquals("WABO: " + title, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals(MILESTONE + "@metrokaart", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("20260630", event.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20260701", event.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals("20260105T101530Z", event.getProperty(Property.DTSTAMP).orElseThrow().getValue());
        assertTrue(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()
                .contains("Omgevingsvergunning; online, met \"loket\""));
        assertEquals("TRANSPARENT", event.getProperty(Property.TRANSP).orElseThrow().getValue());
        assertEquals("-//Metrokaart//Programme planning 1.0//EN",
                calendar.getProperty(Property.PRODID).orElseThrow().getValue());
    }

    @Test
    void sameDataGivesTheSameFeed() {
        // DTSTAMP comes from the milestone, not the clock: an unchanged planning is an unchanged feed.
        assertEquals(PlanningCalendar.write(planning("Go-live")), PlanningCalendar.write(planning("Go-live")));
    }
}
