package nl.metrokaart.programme.dependency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The must-finish-before links of a programme as a directed graph (predecessor to dependent project), used to
 * refuse a link that would make the planning circular. Influences links never constrain the planning and are
 * left out.
 */
public final class DependencyGraph<T> {

    /** {@code project} depends on {@code predecessor} in the way {@code type} says. */
    public record Link<T>(T predecessor, T project, DependencyType type) {
    }

    private final Map<T, List<T>> successors = new LinkedHashMap<>();

    public DependencyGraph(Collection<Link<T>> links) {
        for (Link<T> link : links) {
            if (link.type() == DependencyType.MUST_FINISH_BEFORE) {
                successors.computeIfAbsent(link.predecessor(), p -> new ArrayList<>()).add(link.project());
            }
        }
    }

    /**
     * The cycle a new link "{@code project} depends on {@code predecessor}" would close, in finish-before order
     * from {@code project} back to itself (e.g. WABO, DURP, WION, WABO), or empty when the link keeps the graph
     * acyclic. Influences links close no cycle. The shortest such cycle is named.
     */
    public Optional<List<T>> cycleIfLinked(T predecessor, T project, DependencyType type) {
        if (type != DependencyType.MUST_FINISH_BEFORE) {
            return Optional.empty();
        }
        if (predecessor.equals(project)) {
            return Optional.of(List.of(project, project));
        }
        // Breadth-first from the project: a path to the predecessor plus the new link is the cycle.
        Map<T, T> reachedFrom = new HashMap<>();
        Deque<T> queue = new ArrayDeque<>();
        reachedFrom.put(project, project);
        queue.add(project);
        while (!queue.isEmpty()) {
            T current = queue.poll();
            for (T next : successors.getOrDefault(current, List.of())) {
                if (reachedFrom.containsKey(next)) {
                    continue;
                }
                reachedFrom.put(next, current);
                if (next.equals(predecessor)) {
                    return Optional.of(cycle(reachedFrom, project, predecessor));
                }
                queue.add(next);
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> cycle(Map<T, T> reachedFrom, T project, T predecessor) {
        List<T> path = new ArrayList<>();
        for (T node = predecessor; !node.equals(project); node = reachedFrom.get(node)) {
            path.add(node);
        }
        path.add(project);
        Collections.reverse(path);
        path.add(project);
        return path;
    }
}
