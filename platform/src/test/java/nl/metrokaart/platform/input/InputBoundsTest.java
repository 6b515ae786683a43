package nl.metrokaart.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every value a client sends must keep, and that a JSON body breaking it is refused naming the field. */
class InputBoundsTest {

    record Body(String name, LocalDate due, OffsetDateTime at, Instant seen, int count, List<String> tags) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    InputBoundsTest() {
        new BoundedJsonModule().customize(mapper);
    }

    @Test
    void controlCharactersAreRefusedButTabsAndLineBreaksKeptInText() {
        assertFalse(InputBounds.hasControlCharacters("Schoonhoven\tBergambacht\r\nVlist — ’s-Gravenhage €"));
        assertFalse(InputBounds.hasControlCharacters(null));
        for (String bad : new String[] {"a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\uFFFE", "\uFFFF"}) {
            assertTrue(InputBounds.hasControlCharacters(bad), bad.codePointAt(0) + " is refused");
        }
        assertTrue(InputBounds.hasControlCharactersOrBreaks("a\nb"), "a query or path value is one line");
        assertTrue(InputBounds.hasControlCharactersOrBreaks("a\tb"));
        assertTrue(InputBounds.hasControlCharactersOrBreaks("a\u0000"));
        assertFalse(InputBounds.hasControlCharactersOrBreaks("GM0610"));
    }

    @Test
    void datesAndTimesLieFrom1900To2199InTheirOwnOffsetAndInUtc() {
        assertTrue(InputBounds.within(InputBounds.MIN_DATE));
        assertTrue(InputBounds.within(InputBounds.MAX_DATE));
        assertFalse(InputBounds.within(LocalDate.of(1899, 12, 31)));
        assertFalse(InputBounds.within(LocalDate.of(2200, 1, 1)));
        assertTrue(InputBounds.within((LocalDate) null));
        assertTrue(InputBounds.within(OffsetDateTime.parse("2199-12-31T22:00:00+01:00")));
        // Still 2199 where it was written, 2200 in UTC.
        assertFalse(InputBounds.within(OffsetDateTime.parse("2199-12-31T23:30:00-01:00")));
        assertFalse(InputBounds.within(Instant.parse("1899-12-31T23:59:59Z")));
        assertTrue(InputBounds.within(Instant.parse("1900-01-01T00:00:00Z")));
        assertEquals(109_572, InputBounds.daysBetween(InputBounds.MIN_DATE, InputBounds.MAX_DATE));
    }

    @Test
    void aBodyWithinTheBoundsReadsAsSent() throws Exception {
        Body body = mapper.readValue("""
                {"name": "Vlist\\tnoord", "due": "2026-12-01", "at": "2026-12-01T10:00:00+01:00",
                 "seen": "2026-12-01T09:00:00Z", "count": 3, "tags": ["a"]}""", Body.class);
        assertEquals("Vlist\tnoord", body.name());
        assertEquals(LocalDate.of(2026, 12, 1), body.due());
        assertEquals(3, body.count());
    }

    @Test
    void aBodyBreakingABoundIsRefusedNamingTheFieldAndWhy() {
        assertRefused("{\"name\": \"a\\u0000b\"}", "name", InputBounds.controlReason());
        assertRefused("{\"tags\": [\"ok\", \"\\u001b\"]}", "tags[1]", InputBounds.controlReason());
        assertRefused("{\"due\": \"2200-01-01\"}", "due", InputBounds.dateReason());
        assertRefused("{\"at\": \"0001-01-01T00:00:00Z\"}", "at", InputBounds.dateTimeReason());
        assertRefused("{\"seen\": \"+999999-01-01T00:00:00Z\"}", "seen", InputBounds.dateTimeReason());
        assertEquals("mag geen stuurtekens bevatten", InputBounds.controlReason(), "Dutch outside a request");
    }

    @Test
    void aFractionForAWholeNumberIsAMistakeNotAValueToRound() {
        MismatchedInputException refused = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"count\": 1.5}", Body.class));
        assertFalse(refused instanceof InvalidValueException);
        assertEquals("count", refused.getPath().get(0).getFieldName());
    }

    @Test
    void nullsAreLeftToValidation() throws Exception {
        Body body = mapper.readValue("{\"name\": null, \"due\": null}", Body.class);
        assertNull(body.name());
        assertNull(body.due());
    }

    private void assertRefused(String json, String field, String reason) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> mapper.readValue(json, Body.class));
        String path = refused.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", (a, b) -> b.startsWith("[") || a.isEmpty() ? a + b : a + "." + b);
        assertEquals(field, path, json);
        assertEquals(reason, refused.reason());
    }
}
