package nl.metrokaart.platform.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.input.InputBounds;
import nl.metrokaart.platform.problem.ProblemTexts;
import nl.metrokaart.platform.problem.Problems;

/**
 * Query parameters parsed by the service instead of JAX-RS, which answers an unparsable query parameter with
 * 404: a client gets a 400 that names the parameter, whatever is wrong with it.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number from {@code min} to {@code max}; absent gives {@code fallback}, or 400 when that is null. */
    public static int wholeNumber(String name, String value, Integer fallback, int min, int max) {
        String reason = ProblemTexts.get("query.wholeNumber", min, max);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw Problems.invalid(name, "query", ProblemTexts.get("query.required", reason));
            }
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw Problems.invalid(name, "query", reason);
    }

    /**
     * An optional RFC 3339 date-time with offset within {@link InputBounds}, e.g. {@code 2026-11-01T00:00:00Z};
     * null when absent.
     */
    public static Instant dateTime(String name, String value) {
        if (value == null) {
            return null;
        }
        String reason = ProblemTexts.get("query.dateTime", InputBounds.MIN_DATE, InputBounds.MAX_DATE);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "query", reason);
        }
        if (!InputBounds.within(time)) {
            throw Problems.invalid(name, "query", reason);
        }
        return time.toInstant();
    }

    /** {@code true} or {@code false}; absent gives {@code fallback}; anything else is 400 naming the parameter. */
    public static boolean flag(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalid(name, "query", ProblemTexts.get("query.flag"));
        };
    }

    /** An optional UUID, e.g. a filter on a project; null when absent or blank. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(name, "query", "query.uuid");
        }
    }

    /** An optional {@link ApiValue} enum, e.g. a filter on a status; null when absent or blank. */
    public static <E extends Enum<E> & ApiValue> E value(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApiValue.parse(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(name, "query", "value.oneOf", ApiValue.values(type));
        }
    }
}
