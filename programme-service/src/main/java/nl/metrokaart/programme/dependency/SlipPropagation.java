package nl.metrokaart.programme.dependency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a slip of one project does to the planning over must-finish-before links. The slipping project's end
 * moves; a successor must start after its predecessor's new end plus the lag, so it moves only as far as that
 * constraint forces it (slack absorbs the rest), and a project with several predecessors takes the latest.
 */
public final class SlipPropagation {

    private SlipPropagation() {
    }

    /** A project's planned period. */
    public record Plan(LocalDate start, LocalDate end) {
    }

    /** {@code successor} may start only {@code lagDays} days after {@code predecessor} has ended. */
    public record Link<T>(T predecessor, T successor, int lagDays) {
    }

    /** How far a project moves: its start and end both by {@code days}, except the slipping project's start. */
    public record Shift(long days, LocalDate newStart, LocalDate newEnd) {
    }

    /**
     * The projects that move when {@code origin} ends {@code slipDays} later, origin first and then in an order
     * in which every project comes after its predecessors. Projects that do not move are left out. The links
     * must be acyclic, as {@link DependencyGraph} keeps them.
     */
    public static <T> Map<T, Shift> propagate(Map<T, Plan> plans, Collection<Link<T>> links, T origin, int slipDays) {
        Map<T, List<Link<T>>> outgoing = new HashMap<>();
        for (Link<T> link : links) {
            outgoing.computeIfAbsent(link.predecessor(), p -> new ArrayList<>()).add(link);
        }
        Set<T> reachable = reachable(outgoing, origin);

        // Only links inside the reachable part can move anything; count them for a topological (Kahn) pass.
        Map<T, Integer> waitingFor = new HashMap<>();
        Map<T, List<Link<T>>> incoming = new HashMap<>();
        for (T node : reachable) {
            for (Link<T> link : outgoing.getOrDefault(node, List.of())) {
                waitingFor.merge(link.successor(), 1, Integer::sum);
                incoming.computeIfAbsent(link.successor(), s -> new ArrayList<>()).add(link);
            }
        }

        Map<T, Shift> shifts = new LinkedHashMap<>();
        Plan originPlan = plans.get(origin);
        shifts.put(origin, new Shift(slipDays, originPlan.start(), originPlan.end().plusDays(slipDays)));
        Deque<T> ready = new ArrayDeque<>();
        ready.add(origin);
        while (!ready.isEmpty()) {
            T node = ready.poll();
            if (!node.equals(origin)) {
                shiftByPredecessors(node, plans.get(node), incoming.getOrDefault(node, List.of()), shifts);
            }
            for (Link<T> link : outgoing.getOrDefault(node, List.of())) {
                if (waitingFor.merge(link.successor(), -1, Integer::sum) == 0) {
                    ready.add(link.successor());
                }
            }
        }
        return shifts;
    }

    private static <T> void shiftByPredecessors(T node, Plan plan, List<Link<T>> incoming, Map<T, Shift> shifts) {
        LocalDate earliestStart = plan.start();
        for (Link<T> link : incoming) {
            Shift moved = shifts.get(link.predecessor());
            // An unmoved predecessor constrains nothing new: any conflict with it predates the slip.
            if (moved != null) {
                LocalDate after = moved.newEnd().plusDays(link.lagDays() + 1L);
                if (after.isAfter(earliestStart)) {
                    earliestStart = after;
                }
            }
        }
        long days = ChronoUnit.DAYS.between(plan.start(), earliestStart);
        if (days > 0) {
            shifts.put(node, new Shift(days, earliestStart, plan.end().plusDays(days)));
        }
    }

    private static <T> Set<T> reachable(Map<T, List<Link<T>>> outgoing, T origin) {
        Set<T> seen = new HashSet<>();
        Deque<T> pending = new ArrayDeque<>();
        seen.add(origin);
        pending.add(origin);
        while (!pending.isEmpty()) {
            for (Link<T> link : outgoing.getOrDefault(pending.poll(), List.of())) {
                if (seen.add(link.successor())) {
                    pending.add(link.successor());
                }
            }
        }
        return seen;
    }
}
