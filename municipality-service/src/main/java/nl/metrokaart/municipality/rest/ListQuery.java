package nl.metrokaart.municipality.rest;

import java.util.UUID;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.problem.Problems;

/**
 * Query parameters of list endpoints, parsed here rather than by JAX-RS (which answers an unparsable query
 * parameter with 404): whatever is wrong with one, the client gets a 400 naming it.
 */
public final class ListQuery {

    private ListQuery() {
    }

    /** An optional UUID filter; null when absent. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "query", RequestTexts.problems().mustBeUuid());
        }
    }

    /** An optional filter on an {@link ApiValue} enum; null when absent. */
    public static <E extends Enum<E> & ApiValue> E value(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApiValue.parse(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "query", e.getMessage());
        }
    }
}
