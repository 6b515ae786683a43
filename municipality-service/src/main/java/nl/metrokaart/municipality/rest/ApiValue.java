package nl.metrokaart.municipality.rest;

import java.util.Arrays;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * An enum whose constants the API (JSON, query parameters) and the database show by a kebab-case value, e.g.
 * {@code variants-allowed}, instead of the Java name.
 */
public interface ApiValue {

    String value();

    /** The constant with this value; {@link IllegalArgumentException} naming the accepted values otherwise. */
    static <E extends Enum<E> & ApiValue> E parse(Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf",
                        Arrays.stream(constants).map(ApiValue::value).toList())));
    }
}
