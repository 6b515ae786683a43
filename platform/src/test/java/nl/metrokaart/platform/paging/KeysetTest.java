package nl.metrokaart.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetTest {

    private static final UUID ID = UUID.fromString("0b6c5a4e-7c33-4f0e-9d7a-2d1f3a9b8c01");

    @Test
    void aPositionRoundTripsThroughItsCursor() {
        Keyset after = Keyset.after(Keyset.of(3, ID).cursor(), "cursor", 2);
        assertEquals(Integer.valueOf(3), after.get(0, Integer::valueOf));
        assertEquals(ID, after.get(1, UUID::fromString));
        assertEquals("3|" + ID, Keyset.of(3, ID).position());
    }

    @Test
    void separatorsEscapesAndControlCharactersInValuesSurvive() {
        Keyset awkward = Keyset.of("Bergambacht | Vlist \\ Ouderkerk\nNederlek", "x");
        Keyset after = Keyset.after(awkward.cursor(), "cursor", 2);
        assertEquals(awkward, after);
        assertEquals("Bergambacht | Vlist \\ Ouderkerk\nNederlek", after.text(0));
    }

    @Test
    void aCursorOfAnotherShapeIsA400NamingTheParameter() {
        for (String cursor : List.of("not base64!", Cursors.encode("1|2|3"), Cursors.encode("a\\q"),
                Cursors.encode("line\nbreak"))) {
            assertInvalid("cursor", () -> Keyset.after(cursor, "cursor", 2));
        }
        Keyset after = Keyset.after(Cursors.encode("ten|" + ID), "changedSince", 2);
        assertInvalid("changedSince", () -> after.get(0, Integer::parseInt));
    }

    @Test
    void instantKeysKeepTheirFormatAndBounds() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(at + "|" + ID, new InstantKey(at, ID).position());
        assertEquals(new InstantKey(at, ID), InstantKey.after(Cursors.encode(at + "|" + ID), "cursor"));
        assertInvalid("cursor", () -> InstantKey.after(Cursors.encode("+99999-01-01T00:00:00Z|" + ID), "cursor"));
        assertInvalid("cursor", () -> InstantKey.after(Cursors.encode(at + "|not-a-uuid"), "cursor"));
    }

    @Test
    void aPageOfOneItemTooManyPointsAfterItsLastItem() {
        Page<String> page = Page.ofFetched(List.of(1, 2, 3), 2, n -> Keyset.of(n).position(), String::valueOf);
        assertEquals(List.of("1", "2"), page.items());
        assertEquals("2", Keyset.after(page.nextCursor(), "cursor", 1).text(0));
        assertEquals(null, Page.ofFetched(List.of(1, 2), 2, n -> Keyset.of(n).position(), String::valueOf).nextCursor());
    }

    static void assertInvalid(String parameter, Runnable parse) {
        HttpProblem problem = assertThrows(HttpProblem.class, parse::run);
        assertEquals(400, problem.getStatusCode());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> invalid = (List<Map<String, String>>) problem.getParameters().get("invalidParams");
        assertEquals(parameter, invalid.get(0).get("name"));
        assertEquals("query", invalid.get(0).get("in"));
        assertEquals("is geen cursor die deze API heeft uitgegeven", invalid.get(0).get("reason")); // problems_nl
    }
}
