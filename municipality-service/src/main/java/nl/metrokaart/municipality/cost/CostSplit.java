package nl.metrokaart.municipality.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A project's budget split over the municipalities by its allocation key: the pure rule, without storage. */
public final class CostSplit {

    private CostSplit() {
    }

    /**
     * The amount in cents each municipality pays: every municipality of {@code inhabitantsByMunicipality} appears,
     * a non-participant with 0. The participants' amounts add up to the budget exactly; when nobody takes part
     * every amount is 0 and the budget stays unallocated.
     *
     * @param inhabitantsWeightPercent used by {@link AllocationMethod#WEIGHTED} only
     */
    public static SortedMap<String, Long> amounts(long budgetCents, AllocationMethod method, int inhabitantsWeightPercent,
            Map<String, Integer> inhabitantsByMunicipality, Set<String> participants) {
        SortedMap<String, Integer> inhabitantsOfParticipants = new TreeMap<>();
        for (String participant : participants) {
            Integer inhabitants = inhabitantsByMunicipality.get(participant);
            if (inhabitants == null) {
                throw new IllegalArgumentException("Participant " + participant + " is not a known municipality");
            }
            inhabitantsOfParticipants.put(participant, inhabitants);
        }
        SortedMap<String, Long> amounts = new TreeMap<>();
        inhabitantsByMunicipality.keySet().forEach(code -> amounts.put(code, 0L));
        if (!inhabitantsOfParticipants.isEmpty()) {
            amounts.putAll(LargestRemainder.divide(budgetCents,
                    method.weights(inhabitantsOfParticipants, inhabitantsWeightPercent)));
        }
        return amounts;
    }

    /**
     * A budget in euros as whole cents. programme-service keeps budgets exact to the cent (at most two decimals,
     * never negative, at most twelve digits before the point); a finer amount is rounded half up, as this service's
     * NUMERIC(14,2) read model column stores it.
     *
     * @throws IllegalArgumentException for a negative budget
     */
    public static long cents(BigDecimal euros) {
        if (euros.signum() < 0) {
            throw new IllegalArgumentException("A budget cannot be negative: " + euros);
        }
        return euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
