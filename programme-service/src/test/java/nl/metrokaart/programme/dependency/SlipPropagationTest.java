package nl.metrokaart.programme.dependency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlipPropagationTest {

    private static SlipPropagation.Plan plan(String start, String end) {
        return new SlipPropagation.Plan(LocalDate.parse(start), LocalDate.parse(end));
    }

    private static SlipPropagation.Link<String> link(String predecessor, String successor, int lag) {
        return new SlipPropagation.Link<>(predecessor, successor, lag);
    }

    private static SlipPropagation.Shift shift(long days, String start, String end) {
        return new SlipPropagation.Shift(days, LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void chainWithLagsMovesEachSuccessorOnlyAsFarAsForced() {
        Map<String, SlipPropagation.Plan> plans = Map.of(
                "WION", plan("2010-01-01", "2010-03-31"),
                // Starts 11 days after WION ends: lag 10 leaves no slack.
                "DURP", plan("2010-04-11", "2010-06-30"),
                // Starts 6 days after DURP ends, lag 0: 5 days of slack.
                "WABO", plan("2010-07-06", "2010-09-30"));
        Map<String, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans,
                List.of(link("WION", "DURP", 10), link("DURP", "WABO", 0)), "WION", 20);

        assertEquals(List.of("WION", "DURP", "WABO"), List.copyOf(shifts.keySet()));
        assertEquals(shift(20, "2010-01-01", "2010-04-20"), shifts.get("WION"));
        assertEquals(shift(20, "2010-05-01", "2010-07-20"), shifts.get("DURP"));
        // DURP now ends 20 July; WABO may start 21 July: 15 days later than planned.
        assertEquals(shift(15, "2010-07-21", "2010-10-15"), shifts.get("WABO"));
    }

    @Test
    void projectWithEnoughSlackDoesNotMoveNorDoItsSuccessors() {
        Map<String, SlipPropagation.Plan> plans = Map.of(
                "WION", plan("2010-01-01", "2010-03-31"),
                "DURP", plan("2010-06-01", "2010-08-31"),
                "WABO", plan("2010-09-01", "2010-12-31"));
        Map<String, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans,
                List.of(link("WION", "DURP", 0), link("DURP", "WABO", 0)), "WION", 30);

        assertEquals(Map.of("WION", shift(30, "2010-01-01", "2010-04-30")), shifts);
        assertFalse(shifts.containsKey("DURP"));
    }

    @Test
    void diamondTakesTheLatestPredecessor() {
        Map<String, SlipPropagation.Plan> plans = Map.of(
                "A", plan("2010-01-01", "2010-01-31"),
                "B", plan("2010-02-01", "2010-02-28"),
                "C", plan("2010-02-01", "2010-03-31"),
                "D", plan("2010-04-01", "2010-04-30"));
        Map<String, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans, List.of(
                link("A", "B", 0), link("A", "C", 0), link("B", "D", 0), link("C", "D", 5)), "A", 10);

        assertEquals(shift(10, "2010-02-11", "2010-03-10"), shifts.get("B"));
        assertEquals(shift(10, "2010-02-11", "2010-04-10"), shifts.get("C"));
        // Via B D could start 11 March; via C (ends 10 April, lag 5) not before 16 April, which wins.
        assertEquals(shift(15, "2010-04-16", "2010-05-15"), shifts.get("D"));
        assertEquals("D", List.copyOf(shifts.keySet()).get(3));
    }

    @Test
    void unrelatedAndUpstreamProjectsDoNotMove() {
        Map<String, SlipPropagation.Plan> plans = Map.of(
                "UP", plan("2009-01-01", "2009-12-31"),
                "P", plan("2010-01-01", "2010-03-31"),
                "OTHER", plan("2010-01-01", "2010-02-28"));
        Map<String, SlipPropagation.Shift> shifts = SlipPropagation.propagate(plans,
                List.of(link("UP", "P", 0), link("UP", "OTHER", 0)), "P", 7);

        assertEquals(Map.of("P", shift(7, "2010-01-01", "2010-04-07")), shifts);
    }
}
