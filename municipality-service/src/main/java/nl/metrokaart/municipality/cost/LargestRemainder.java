package nl.metrokaart.municipality.cost;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Divides a whole number of euro cents over parties in proportion to their weights with the largest remainder
 * (Hamilton) method, so that every share is a whole, non-negative number of cents and the shares add up to the
 * amount exactly: nobody pays a fraction of a cent and no cent goes missing or appears from nowhere.
 *
 * <p>Each party first gets the floor of its exact proportional share {@code amount * weight / totalWeight}. The
 * cents that are left (fewer than the number of parties) go one each to the parties with the largest fractional
 * remainders; equal remainders go to the party whose key sorts first, so the same input always gives the same
 * shares whatever the order in which the parties are given. Every share therefore lies within one cent of its
 * exact proportional share, and parties of equal weight differ by at most one cent.
 *
 * <p>Arithmetic is exact ({@link BigInteger}): amounts up to {@link Long#MAX_VALUE} cents and any non-negative
 * {@code long} weights. When all weights are zero the amount is divided equally.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * The share of each party, by key in key order.
     *
     * @param amountCents the amount to divide, not negative
     * @param weights     the weight of each party (e.g. its inhabitants), not negative; at least one party
     * @throws IllegalArgumentException for a negative amount or weight, or no parties
     */
    public static SortedMap<String, Long> divide(long amountCents, Map<String, Long> weights) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("The amount to divide must not be negative: " + amountCents);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("There must be at least one party to divide " + amountCents + " cents over");
        }
        SortedMap<String, Long> byKey = new TreeMap<>(weights);
        BigInteger totalWeight = BigInteger.ZERO;
        for (Map.Entry<String, Long> party : byKey.entrySet()) {
            if (party.getValue() == null || party.getValue() < 0) {
                throw new IllegalArgumentException("Weight of " + party.getKey() + " must not be negative: " + party.getValue());
            }
            totalWeight = totalWeight.add(BigInteger.valueOf(party.getValue()));
        }
        boolean equalSplit = totalWeight.signum() == 0;
        if (equalSplit) {
            totalWeight = BigInteger.valueOf(byKey.size());
        }

        BigInteger amount = BigInteger.valueOf(amountCents);
        List<Quota> quotas = new ArrayList<>(byKey.size());
        long distributed = 0;
        for (Map.Entry<String, Long> party : byKey.entrySet()) {
            BigInteger weight = equalSplit ? BigInteger.ONE : BigInteger.valueOf(party.getValue());
            // All remainders share the denominator totalWeight, so comparing the numerators compares the fractions.
            BigInteger[] floorAndRemainder = amount.multiply(weight).divideAndRemainder(totalWeight);
            long floor = floorAndRemainder[0].longValueExact();
            quotas.add(new Quota(party.getKey(), floor, floorAndRemainder[1]));
            distributed += floor;
        }

        long left = amountCents - distributed;
        quotas.sort(Comparator.comparing(Quota::remainder).reversed().thenComparing(Quota::key));
        SortedMap<String, Long> shares = new TreeMap<>();
        for (int i = 0; i < quotas.size(); i++) {
            Quota quota = quotas.get(i);
            shares.put(quota.key(), quota.floor() + (i < left ? 1 : 0));
        }
        return shares;
    }

    private record Quota(String key, long floor, BigInteger remainder) {
    }
}
