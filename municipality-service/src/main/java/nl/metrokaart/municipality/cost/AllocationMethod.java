package nl.metrokaart.municipality.cost;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a project's costs are shared among the municipalities that take part in it. */
@Schema(name = "AllocationMethod", type = SchemaType.STRING, enumeration = {"equal-share", "by-inhabitants", "weighted"},
        description = "equal-share: every participant pays the same; by-inhabitants: in proportion to the number of "
                + "inhabitants; weighted: inhabitantsWeightPercent of the budget by inhabitants, the rest in equal shares.")
public enum AllocationMethod implements ApiValue {
    EQUAL_SHARE("equal-share"),
    BY_INHABITANTS("by-inhabitants"),
    WEIGHTED("weighted");

    private final String value;

    AllocationMethod(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /**
     * The whole-number weights that make {@link LargestRemainder} divide a budget by this method. For weighted,
     * with p = inhabitantsWeightPercent, n participants and S inhabitants in all, participant i's exact share of
     * the budget is p/100 * inhabitants_i/S + (100-p)/100 * 1/n; multiplied by 100*n*S that is the integer
     * p*n*inhabitants_i + (100-p)*S, at most 100 * 342 * 10^7 * 342 for every Dutch municipality: well within a long.
     */
    public Map<String, Long> weights(Map<String, Integer> inhabitantsOfParticipants, int inhabitantsWeightPercent) {
        long participants = inhabitantsOfParticipants.size();
        long allInhabitants = inhabitantsOfParticipants.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Long> weights = new LinkedHashMap<>();
        inhabitantsOfParticipants.forEach((code, inhabitants) -> weights.put(code, switch (this) {
            case EQUAL_SHARE -> 1L;
            case BY_INHABITANTS -> inhabitants.longValue();
            case WEIGHTED -> inhabitantsWeightPercent * participants * inhabitants
                    + (100L - inhabitantsWeightPercent) * allInhabitants;
        }));
        return weights;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<AllocationMethod> {
        public Converter() {
            super(AllocationMethod.class);
        }
    }
}
