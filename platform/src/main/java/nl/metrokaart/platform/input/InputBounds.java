package nl.metrokaart.platform.input;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * The bounds every value a client sends must keep, declared once for all services: the database and the code can
 * hold whatever lies within them, and nothing a client sends makes work grow with a value instead of with data.
 */
public final class InputBounds {

    /** The first day any date or time may fall on. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The last day any date or time may fall on. */
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

    /** The reason for a date outside the range, in the language of the request. */
    public static String dateReason() {
        return ProblemTexts.get("input.date", MIN_DATE, MAX_DATE);
    }

    /** The reason for a date-time outside the range, in the language of the request. */
    public static String dateTimeReason() {
        return ProblemTexts.get("input.dateTime", MIN_DATE, MAX_DATE);
    }

    /** The reason for a value with control characters, in the language of the request. */
    public static String controlReason() {
        return ProblemTexts.get("input.control");
    }

    private InputBounds() {
    }

    public static boolean within(LocalDate date) {
        return date == null || (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE));
    }

    /** The day as written and the day in UTC both lie within the range. */
    public static boolean within(OffsetDateTime time) {
        return time == null || (within(time.toLocalDate()) && within(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()));
    }

    public static boolean within(java.time.Instant instant) {
        return instant == null || within(instant.atOffset(ZoneOffset.UTC));
    }

    /** The number of days between two dates, which the bounds keep small enough for any arithmetic. */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /**
     * Whether text holds a character no person types and PostgreSQL (NUL) or a log, mail or calendar line cannot
     * take: C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and the non-characters
     * U+FFFE and U+FFFF.
     */
    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #hasControlCharacters} but for one-line values (query and path parameters): no line breaks either. */
    public static boolean hasControlCharactersOrBreaks(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return hasControlCharacters(text);
    }
}
