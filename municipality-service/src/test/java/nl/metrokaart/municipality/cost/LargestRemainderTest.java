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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link LargestRemainder} and {@link CostSplit}, checked for many random budgets (up to 10^12
 * cents), inhabitant counts (up to 10^7) and sets of up to all 342 municipalities. The inputs come from a seeded
 * {@link Random}, so a failure names its case and reproduces on every run; edge values (a budget of 0 or 1 cent,
 * one party, zero weights) are drawn on purpose.
 */
class LargestRemainderTest {

    private static final long MAX_BUDGET_CENTS = 1_000_000_000_000L;
    private static final int CASES = 400;

    @Test
    void sharesAreNonNegativeAndAddUpToTheAmountExactly() {
        forRandomCases(random -> {
            long amount = budget(random);
            Map<String, Long> weights = inhabitants(random);
            SortedMap<String, Long> shares = LargestRemainder.divide(amount, weights);
            assertThat(shares.keySet(), is(weights.keySet()));
            shares.values().forEach(share -> assertThat(share, greaterThanOrEqualTo(0L)));
            assertThat(shares.values().stream().mapToLong(Long::longValue).sum(), is(amount));
        });
    }

    @Test
    void eachShareIsWithinOneCentOfItsExactProportionalShare() {
        forRandomCases(random -> {
            long amount = budget(random);
            Map<String, Long> weights = inhabitants(random);
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
        });
    }

    @Test
    void theSameInputInAnyOrderGivesTheSameShares() {
        forRandomCases(random -> {
            long amount = budget(random);
            Map<String, Long> weights = inhabitants(random);
            List<String> shuffled = new ArrayList<>(weights.keySet());
            Collections.shuffle(shuffled, random);
            Map<String, Long> reordered = new LinkedHashMap<>();
            shuffled.forEach(code -> reordered.put(code, weights.get(code)));
            assertThat(LargestRemainder.divide(amount, reordered), is(LargestRemainder.divide(amount, weights)));
            assertThat(LargestRemainder.divide(amount, weights), is(LargestRemainder.divide(amount, weights)));
        });
    }

    @Test
    void equalWeightsDifferByAtMostOneCent() {
        forRandomCases(random -> {
            long amount = budget(random);
            long weight = random.nextInt(10) == 0 ? 0 : random.nextLong(10_000_001);
            Map<String, Long> weights = codes(random).stream().collect(Collectors.toMap(code -> code, code -> weight));
            SortedMap<String, Long> shares = LargestRemainder.divide(amount, weights);
            long min = Collections.min(shares.values());
            long max = Collections.max(shares.values());
            assertThat(max - min, lessThanOrEqualTo(1L));
            // The extra cents go to the first codes: a deterministic, explainable tie-break.
            List<Long> inCodeOrder = new ArrayList<>(shares.values());
            List<Long> descending = new ArrayList<>(inCodeOrder);
            descending.sort(Collections.reverseOrder());
            assertThat(inCodeOrder, is(descending));
        });
    }

    @Test
    void nonParticipantsPayNothingAndParticipantsPayTheWholeBudget() {
        forRandomCases(random -> {
            long budget = budget(random);
            Map<String, Integer> municipalities = municipalities(random);
            AllocationMethod method = method(random);
            int percent = random.nextInt(101);
            Set<String> participants = municipalities.keySet().stream()
                    .filter(code -> random.nextBoolean()).collect(Collectors.toSet());
            SortedMap<String, Long> amounts = CostSplit.amounts(budget, method, percent, municipalities, participants);
            assertThat(amounts.keySet(), is(municipalities.keySet()));
            amounts.forEach((code, amount) -> {
                if (!participants.contains(code)) {
                    assertThat(code, amount, is(0L));
                }
            });
            long paid = amounts.values().stream().mapToLong(Long::longValue).sum();
            assertThat(paid, is(participants.isEmpty() ? 0L : budget));
        });
    }

    @Test
    void eachMethodStaysWithinOneCentOfItsExactDefinition() {
        forRandomCases(random -> {
            long budget = budget(random);
            Map<String, Integer> participants = municipalities(random);
            AllocationMethod method = method(random);
            int percent = random.nextInt(101);
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
        });
    }

    @Test
    void weightedAtTheExtremesIsEqualShareOrByInhabitants() {
        forRandomCases(random -> {
            long budget = budget(random);
            Map<String, Integer> participants = municipalities(random);
            Set<String> all = participants.keySet();
            assertThat(CostSplit.amounts(budget, AllocationMethod.WEIGHTED, 0, participants, all),
                    is(CostSplit.amounts(budget, AllocationMethod.EQUAL_SHARE, 0, participants, all)));
            assertThat(CostSplit.amounts(budget, AllocationMethod.WEIGHTED, 100, participants, all),
                    is(CostSplit.amounts(budget, AllocationMethod.BY_INHABITANTS, 0, participants, all)));
        });
    }

    @Test
    void threeEqualPartiesShareAHundredCentsAsThirtyFourThirtyThreeThirtyThree() {
        assertThat(LargestRemainder.divide(100, Map.of("GM0644", 1L, "GM0491", 1L, "GM0610", 1L)),
                is(new TreeMap<>(Map.of("GM0491", 34L, "GM0610", 33L, "GM0644", 33L))));
    }

    @Test
    void theLeftoverCentGoesToTheLargestRemainderNotTheLargestParty() {
        // Exact shares 7.2, 1.8 and 1.0 of 10: floors 7, 1, 1 leave 1 cent for the remainder .8.
        assertThat(LargestRemainder.divide(10, Map.of("GM0001", 72L, "GM0002", 18L, "GM0003", 10L)),
                is(new TreeMap<>(Map.of("GM0001", 7L, "GM0002", 2L, "GM0003", 1L))));
    }

    @Test
    void zeroTotalWeightIsAnEqualSplit() {
        assertThat(LargestRemainder.divide(5, Map.of("GM0002", 0L, "GM0001", 0L)),
                is(new TreeMap<>(Map.of("GM0001", 3L, "GM0002", 2L))));
    }

    @Test
    void theKrimpenerwaardByInhabitants() {
        Map<String, Integer> inhabitants = Map.of("GM0610", 12_000, "GM0491", 9_000, "GM0643", 14_000, "GM0623", 9_800, "GM0644", 8_000);
        SortedMap<String, Long> amounts = CostSplit.amounts(CostSplit.cents(new BigDecimal("125000.00")),
                AllocationMethod.BY_INHABITANTS, 0, inhabitants, inhabitants.keySet());
        // 12500000 * n / 52800 = 2840909.09, 2130681.81, 3314393.93, 2320075.75, 1893939.39: three cents left over, for the three largest remainders.
        assertThat(amounts, is(new TreeMap<>(Map.of("GM0610", 2_840_909L, "GM0491", 2_130_682L, "GM0643", 3_314_394L,
                "GM0623", 2_320_076L, "GM0644", 1_893_939L))));
    }

    @Test
    void budgetsBecomeCentsExactly() {
        assertThat(CostSplit.cents(new BigDecimal("125000.00")), is(12_500_000L));
        assertThat(CostSplit.cents(new BigDecimal("999999999999.99")), is(99_999_999_999_999L));
        assertThat(CostSplit.cents(new BigDecimal("0.005")), is(1L));
        assertThat(CostSplit.cents(new BigDecimal("1E+3")), is(100_000L));
    }

    /** Runs the check for {@link #CASES} inputs, each from its own seed, naming the seed when one fails. */
    private static void forRandomCases(Consumer<Random> check) {
        for (long seed = 1; seed <= CASES; seed++) {
            try {
                check.accept(new Random(seed));
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("Case with seed " + seed + " fails: " + failure.getMessage(), failure);
            }
        }
    }

    /** A budget in cents; now and then the edges 0, 1 and the maximum. */
    private static long budget(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> MAX_BUDGET_CENTS;
            default -> random.nextLong(MAX_BUDGET_CENTS + 1);
        };
    }

    /** One to 342 distinct CBS codes, mostly few (a region), sometimes many (the whole country). */
    private static Set<String> codes(Random random) {
        int size = random.nextInt(4) == 0 ? 1 + random.nextInt(342) : 1 + random.nextInt(30);
        Set<String> codes = new java.util.TreeSet<>();
        while (codes.size() < size) {
            codes.add("GM%04d".formatted(random.nextInt(10_000)));
        }
        return codes;
    }

    /** Weights as inhabitant counts, zero allowed (and sometimes all zero). */
    private static Map<String, Long> inhabitants(Random random) {
        boolean allZero = random.nextInt(15) == 0;
        Map<String, Long> weights = new LinkedHashMap<>();
        codes(random).forEach(code -> weights.put(code, allZero ? 0L : random.nextLong(10_000_001)));
        return weights;
    }

    /** Registered municipalities: at least one inhabitant each, as the API requires. */
    private static Map<String, Integer> municipalities(Random random) {
        Map<String, Integer> inhabitants = new LinkedHashMap<>();
        codes(random).forEach(code -> inhabitants.put(code, 1 + random.nextInt(10_000_000)));
        return inhabitants;
    }

    private static AllocationMethod method(Random random) {
        AllocationMethod[] methods = AllocationMethod.values();
        return methods[random.nextInt(methods.length)];
    }
}
