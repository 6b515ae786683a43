package nl.metrokaart.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.enums.Colour;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void uuidsAreParsedAndAbsentOrBlankIsNoFilter() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("projectId", " " + id + " "));
        assertNull(QueryParams.uuid("projectId", null));
        assertNull(QueryParams.uuid("projectId", ""));
        Map<String, String> invalid = invalid(() -> QueryParams.uuid("projectId", "12"));
        assertEquals("projectId", invalid.get("name"));
        assertEquals("moet een UUID zijn", invalid.get("reason")); // Dutch outside a request, from problems_nl
    }

    @Test
    void enumValuesAreParsedByTheirApiValue() {
        assertEquals(Colour.DARK_RED, QueryParams.value("colour", "dark-red", Colour.class));
        assertNull(QueryParams.value("colour", " ", Colour.class));
        Map<String, String> invalid = invalid(() -> QueryParams.value("colour", "DARK_RED", Colour.class));
        assertEquals("colour", invalid.get("name"));
        assertEquals("moet een van [dark-red, blue] zijn", invalid.get("reason"));
    }

    @Test
    void numbersDatesAndFlagsNameTheParameterTheyRefuse() {
        assertEquals(20, QueryParams.wholeNumber("limit", null, 20, 1, 100));
        assertEquals(7, QueryParams.wholeNumber("limit", "7", 20, 1, 100));
        assertEquals("limit", invalid(() -> QueryParams.wholeNumber("limit", "ten", 20, 1, 100)).get("name"));
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), QueryParams.dateTime("from", "2026-11-01T00:00:00+01:00"));
        assertEquals("from", invalid(() -> QueryParams.dateTime("from", "yesterday")).get("name"));
        assertEquals(true, QueryParams.flag("all", "true", false));
        assertEquals("all", invalid(() -> QueryParams.flag("all", "yes", false)).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> invalid(Runnable parse) {
        HttpProblem problem = assertThrows(HttpProblem.class, parse::run);
        assertEquals(400, problem.getStatusCode());
        return ((List<Map<String, String>>) problem.getParameters().get("invalidParams")).get(0);
    }
}
