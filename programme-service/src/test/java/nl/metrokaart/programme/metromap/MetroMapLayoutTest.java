package nl.metrokaart.programme.metromap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.metrokaart.programme.milestone.Milestone;
import org.junit.jupiter.api.Test;

/** The metro map's work grows with its data, not with its dates. */
class MetroMapLayoutTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

    @Test
    void aShortProgrammeHasATickEveryYear() {
        DemoProgramme demo = DemoProgramme.create("ticks", TODAY);
        MetroMap map = MetroMapLayout.layout(demo.programme(), demo.projects(), demo.keyMilestones(), demo.dependencies(), TODAY);
        List<Integer> years = map.axis().ticks().stream().map(MetroMap.YearTick::year).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(map.axis().startDate().getYear(), map.axis().endDate().getYear())
                .boxed().toList(), years);
    }

    @Test
    void oneFarDateDoesNotMultiplyTheAxis() {
        DemoProgramme demo = DemoProgramme.create("far", TODAY);
        List<Milestone> milestones = new ArrayList<>(demo.keyMilestones());
        // Stored before the input bounds existed: the map must still be a map, not 50,000 ticks (8 MB of SVG).
        milestones.get(0).dueDate = LocalDate.of(50000, 1, 1);
        MetroMap map = MetroMapLayout.layout(demo.programme(), demo.projects(), milestones, demo.dependencies(), TODAY);
        assertTrue(map.axis().ticks().size() <= MetroMapLayout.MAX_TICKS, "ticks: " + map.axis().ticks().size());
        assertTrue(MetroMapSvg.write(map).length() < 200_000);
        milestones.get(0).dueDate = LocalDate.of(2199, 12, 31);
        MetroMap bounded = MetroMapLayout.layout(demo.programme(), demo.projects(), milestones, demo.dependencies(), TODAY);
        List<Integer> years = bounded.axis().ticks().stream().map(MetroMap.YearTick::year).toList();
        assertTrue(years.size() <= MetroMapLayout.MAX_TICKS && years.size() >= 10, "ticks: " + years);
        assertEquals(0, years.get(0) % 10, "round years: " + years);
    }
}
