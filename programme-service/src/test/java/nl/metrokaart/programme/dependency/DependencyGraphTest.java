package nl.metrokaart.programme.dependency;

import static nl.metrokaart.programme.dependency.DependencyType.INFLUENCES;
import static nl.metrokaart.programme.dependency.DependencyType.MUST_FINISH_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static DependencyGraph.Link<String> link(String predecessor, String project, DependencyType type) {
        return new DependencyGraph.Link<>(predecessor, project, type);
    }

    @Test
    void simpleCycleOfTwo() {
        DependencyGraph<String> graph = new DependencyGraph<>(List.of(link("WABO", "DURP", MUST_FINISH_BEFORE)));
        // DURP must finish before WABO would close WABO → DURP → WABO.
        assertEquals(Optional.of(List.of("WABO", "DURP", "WABO")),
                graph.cycleIfLinked("DURP", "WABO", MUST_FINISH_BEFORE));
    }

    @Test
    void longerCycleIsNamedInFinishBeforeOrder() {
        DependencyGraph<String> graph = new DependencyGraph<>(List.of(
                link("WABO", "DURP", MUST_FINISH_BEFORE),
                link("DURP", "WION", MUST_FINISH_BEFORE),
                link("WION", "BAG", MUST_FINISH_BEFORE)));
        assertEquals(Optional.of(List.of("WABO", "DURP", "WION", "WABO")),
                graph.cycleIfLinked("WION", "WABO", MUST_FINISH_BEFORE));
        assertEquals(Optional.of(List.of("DURP", "WION", "BAG", "DURP")),
                graph.cycleIfLinked("BAG", "DURP", MUST_FINISH_BEFORE));
    }

    @Test
    void diamondHasNoCycle() {
        DependencyGraph<String> graph = new DependencyGraph<>(List.of(
                link("A", "B", MUST_FINISH_BEFORE),
                link("A", "C", MUST_FINISH_BEFORE),
                link("B", "D", MUST_FINISH_BEFORE)));
        // C → D closes the diamond A → {B, C} → D: two paths, no cycle.
        assertTrue(graph.cycleIfLinked("C", "D", MUST_FINISH_BEFORE).isEmpty());
        assertTrue(graph.cycleIfLinked("A", "D", MUST_FINISH_BEFORE).isEmpty());
    }

    @Test
    void influencesLinksAreIgnored() {
        DependencyGraph<String> graph = new DependencyGraph<>(List.of(
                link("WABO", "DURP", INFLUENCES),
                link("DURP", "WION", MUST_FINISH_BEFORE)));
        // The path back from WABO to WION runs over an influences link only: no cycle.
        assertTrue(graph.cycleIfLinked("WION", "WABO", MUST_FINISH_BEFORE).isEmpty());
        // And a new influences link never closes one, even against must-finish-before links.
        assertTrue(graph.cycleIfLinked("WION", "DURP", INFLUENCES).isEmpty());
        assertEquals(Optional.of(List.of("DURP", "WION", "DURP")),
                graph.cycleIfLinked("WION", "DURP", MUST_FINISH_BEFORE));
    }

    @Test
    void selfLinkIsACycle() {
        DependencyGraph<String> graph = new DependencyGraph<>(List.of());
        assertEquals(Optional.of(List.of("WABO", "WABO")), graph.cycleIfLinked("WABO", "WABO", MUST_FINISH_BEFORE));
    }
}
