package nl.metrokaart.municipality.cost;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The promises of {@link LargestRemainder} and {@link CostSplit} for random budgets (up to 10^12 cents),
 * inhabitant counts (up to 10^7) and sets of up to all 342 municipalities.
 */
class LargestRemainderTest {

    private static final long MAX_BUDGET_CENTS = 1_000_000_000_000L;

    @Property
    void sharesAreNonNegativeAndAddUpToTheAmountExactly(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long amount, @ForAll("inhabitants") Map<String, Long> weights) {
        SortedMap<String, Long> shares = LargestRemainder.divide(amount, weights);
        assertThat(shares.keySet(), is(weights.keySet()));
        shares.values().forEach(share -> assertThat(share, greaterThanOrEqualTo(0L)));
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum(), is(amount));
    }

    @Property
    void eachShareIsWithinOneCentOfItsExactProportionalShare(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long amount, @ForAll("inhabitants") Map<String, Long> weights) {
        SortedMap<String, Long> shares = LargestRemainder.divide(amount, weights);
        BigInteger total = BigInteger.valueOf(weights.values().stream().mapToLong(Long::longValue).sum());
        boolean equal = total.signum() == 0;
        BigInteger denominator = equal ? BigInteger.valueOf(weights.size()) : total;
        shares.forEach((code, share) -> {
            // |share - amount * weight / total| < 1, multiplied out to stay exact.
            BigInteger exactTimesDenominator = BigInteger.valueOf(amount)
                    .multiply(equal ? BigInteger.ONE : BigInteger.valueOf(weights.get(code)));
            BigInteger difference = BigInteger.valueOf(share).multiply(denominator).subtract(exactTimesDenominator).abs();
            assertThat(code, difference.compareTo(denominator), lessThan(0));
        });
    }

    @Property
    void theSameInputInAnyOrderGivesTheSameShares(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long amount, @ForAll("inhabitants") Map<String, Long> weights,
            @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(weights.keySet());
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Long> reordered = new LinkedHashMap<>();
        shuffled.forEach(code -> reordered.put(code, weights.get(code)));
        assertThat(LargestRemainder.divide(amount, reordered), is(LargestRemainder.divide(amount, weights)));
        assertThat(LargestRemainder.divide(amount, weights), is(LargestRemainder.divide(amount, weights)));
    }

    @Property
    void equalWeightsDifferByAtMostOneCent(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long amount, @ForAll("codes") Set<String> parties,
            @ForAll @LongRange(max = 10_000_000) long weight) {
        Map<String, Long> weights = parties.stream().collect(Collectors.toMap(code -> code, code -> weight));
        SortedMap<String, Long> shares = LargestRemainder.divide(amount, weights);
        long min = Collections.min(shares.values());
        long max = Collections.max(shares.values());
        assertThat(max - min, lessThanOrEqualTo(1L));
        // The extra cents go to the first codes: a deterministic, explainable tie-break.
        List<Long> inCodeOrder = new ArrayList<>(shares.values());
        List<Long> descending = new ArrayList<>(inCodeOrder);
        descending.sort(Collections.reverseOrder());
        assertThat(inCodeOrder, is(descending));
    }

    @Property
    void nonParticipantsPayNothingAndParticipantsPayTheWholeBudget(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long budget, @ForAll("municipalities") Map<String, Integer> municipalities,
            @ForAll AllocationMethod method, @ForAll @IntRange(max = 100) int percent, @ForAll long seed) {
        Set<String> participants = someOf(municipalities.keySet(), seed);
        SortedMap<String, Long> amounts = CostSplit.amounts(budget, method, percent, municipalities, participants);
        assertThat(amounts.keySet(), is(municipalities.keySet()));
        amounts.forEach((code, amount) -> {
            if (!participants.contains(code)) {
                assertThat(code, amount, is(0L));
            }
        });
        long paid = amounts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(paid, is(participants.isEmpty() ? 0L : budget));
    }

    @Property
    void eachMethodStaysWithinOneCentOfItsExactDefinition(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long budget, @ForAll("municipalities") Map<String, Integer> participants,
            @ForAll AllocationMethod method, @ForAll @IntRange(max = 100) int percent) {
        SortedMap<String, Long> amounts = CostSplit.amounts(budget, method, percent, participants, participants.keySet());
        MathContext precise = new MathContext(60);
        BigDecimal n = BigDecimal.valueOf(participants.size());
        BigDecimal allInhabitants = BigDecimal.valueOf(participants.values().stream().mapToLong(Integer::longValue).sum());
        BigDecimal inhabitantsPart = BigDecimal.valueOf(method == AllocationMethod.WEIGHTED ? percent : 100).movePointLeft(2);
        participants.forEach((code, inhabitants) -> {
            BigDecimal equalShare = BigDecimal.ONE.divide(n, precise);
            BigDecimal inhabitantsShare = BigDecimal.valueOf(inhabitants).divide(allInhabitants, precise);
            BigDecimal fraction = switch (method) {
                case EQUAL_SHARE -> equalShare;
                case BY_INHABITANTS -> inhabitantsShare;
                case WEIGHTED -> inhabitantsPart.multiply(inhabitantsShare)
                        .add(BigDecimal.ONE.subtract(inhabitantsPart).multiply(equalShare));
            };
            BigDecimal exact = BigDecimal.valueOf(budget).multiply(fraction, precise);
            assertThat(code, BigDecimal.valueOf(amounts.get(code)).subtract(exact).abs().compareTo(BigDecimal.ONE), lessThan(0));
        });
    }

    @Property
    void weightedAtTheExtremesIsEqualShareOrByInhabitants(
            @ForAll @LongRange(max = MAX_BUDGET_CENTS) long budget, @ForAll("municipalities") Map<String, Integer> participants) {
        Set<String> all = participants.keySet();
        assertThat(CostSplit.amounts(budget, AllocationMethod.WEIGHTED, 0, participants, all),
                is(CostSplit.amounts(budget, AllocationMethod.EQUAL_SHARE, 0, participants, all)));
        assertThat(CostSplit.amounts(budget, AllocationMethod.WEIGHTED, 100, participants, all),
                is(CostSplit.amounts(budget, AllocationMethod.BY_INHABITANTS, 0, participants, all)));
    }

    @Example
    void threeEqualPartiesShareAHundredCentsAsThirtyFourThirtyThreeThirtyThree() {
        assertThat(LargestRemainder.divide(100, Map.of("GM0644", 1L, "GM0491", 1L, "GM0610", 1L)),
                is(new TreeMap<>(Map.of("GM0491", 34L, "GM0610", 33L, "GM0644", 33L))));
    }

    @Example
    void theLeftoverCentGoesToTheLargestRemainderNotTheLargestParty() {
        // Exact shares 7.2, 1.8 and 1.0 of 10: floors 7, 1, 1 leave 1 cent for the remainder .8.
        assertThat(LargestRemainder.divide(10, Map.of("GM0001", 72L, "GM0002", 18L, "GM0003", 10L)),
                is(new TreeMap<>(Map.of("GM0001", 7L, "GM0002", 2L, "GM0003", 1L))));
    }

    @Example
    void zeroTotalWeightIsAnEqualSplit() {
        assertThat(LargestRemainder.divide(5, Map.of("GM0002", 0L, "GM0001", 0L)),
                is(new TreeMap<>(Map.of("GM0001", 3L, "GM0002", 2L))));
    }

    @Example
    void theKrimpenerwaardByInhabitants() {
        Map<String, Integer> inhabitants = Map.of("GM0610", 12_000, "GM0491", 9_000, "GM0643", 14_000, "GM0623", 9_800, "GM0644", 8_000);
        SortedMap<String, Long> amounts = CostSplit.amounts(CostSplit.cents(new BigDecimal("125000.00")),
                AllocationMethod.BY_INHABITANTS, 0, inhabitants, inhabitants.keySet());
        // 12500000 * n / 52800 = 2840909.09, 2130681.81, 3314393.93, 2320075.75, 1893939.39: three cents left over, for the three largest remainders.
        assertThat(amounts, is(new TreeMap<>(Map.of("GM0610", 2_840_909L, "GM0491", 2_130_682L, "GM0643", 3_314_394L,
                "GM0623", 2_320_076L, "GM0644", 1_893_939L))));
    }

    @Example
    void budgetsBecomeCentsExactly() {
        assertThat(CostSplit.cents(new BigDecimal("125000.00")), is(12_500_000L));
        assertThat(CostSplit.cents(new BigDecimal("999999999999.99")), is(99_999_999_999_999L));
        assertThat(CostSplit.cents(new BigDecimal("0.005")), is(1L));
        assertThat(CostSplit.cents(new BigDecimal("1E+3")), is(100_000L));
    }

    @Provide
    Arbitrary<Set<String>> codes() {
        return cbsCodes().set().ofMinSize(1).ofMaxSize(342);
    }

    @Provide
    Arbitrary<Map<String, Long>> inhabitants() {
        return Arbitraries.maps(cbsCodes(), Arbitraries.longs().between(0, 10_000_000)).ofMinSize(1).ofMaxSize(342);
    }

    /** Registered municipalities: at least one inhabitant each, as the API requires. */
    @Provide
    Arbitrary<Map<String, Integer>> municipalities() {
        return Arbitraries.maps(cbsCodes(), Arbitraries.integers().between(1, 10_000_000)).ofMinSize(1).ofMaxSize(342);
    }

    private static Arbitrary<String> cbsCodes() {
        return Arbitraries.integers().between(0, 9999).map(number -> "GM%04d".formatted(number));
    }

    private static Set<String> someOf(Set<String> codes, long seed) {
        Random random = new Random(seed);
        return codes.stream().filter(code -> random.nextBoolean()).collect(Collectors.toSet());
    }
}
