package nl.metrokaart.platform.enums;

import java.util.Arrays;
import java.util.List;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * An enum whose constants the API (JSON, query parameters) and the database show by a kebab-case value, e.g.
 * {@code variants-allowed}, instead of the Java name. Store one with a subclass of {@link ApiValueConverter}; read
 * one from a query parameter with {@link nl.metrokaart.platform.rest.QueryParams#value}.
 */
public interface ApiValue {

    String value();

    /** The constant with this value; {@link IllegalArgumentException} naming the accepted values otherwise. */
    static <E extends Enum<E> & ApiValue> E parse(Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", values(type))));
    }

    /** The values of every constant, in declaration order. */
    static <E extends Enum<E> & ApiValue> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiValue::value).toList();
    }
}
