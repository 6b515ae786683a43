package nl.metrokaart.platform.conditional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The If-Match decision table and the entity tags it compares. */
class PreconditionsTest {

    record Item(String name, long version) {
    }

    private final EntityTags entityTags = new EntityTags();
    private final Preconditions preconditions = new Preconditions();

    PreconditionsTest() {
        entityTags.objectMapper = new ObjectMapper();
        preconditions.entityTags = entityTags;
    }

    @Test
    void tagsAreStrongQuotedAndFollowTheRepresentation() {
        String tag = entityTags.of(new Item("a", 1));
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{32}\""), tag);
        assertEquals(tag, entityTags.of(new Item("a", 1)));
        Map<String, Object> sameJson = new LinkedHashMap<>();
        sameJson.put("name", "a");
        sameJson.put("version", 1);
        assertEquals(tag, entityTags.of(sameJson), "the tag is of the JSON the client sees");
        assertNotEquals(tag, entityTags.of(new Item("a", 2)));
        assertNotEquals(tag, entityTags.of(List.of(new Item("a", 1))));
    }

    @Test
    void aHeaderMatchesWhenItListsTheTagQuotedOrNotOrTheWildcard() {
        String tag = "\"abc\"";
        assertTrue(EntityTags.matches("\"abc\"", tag));
        assertTrue(EntityTags.matches("abc", tag));
        assertTrue(EntityTags.matches("\"x\", \"abc\"", tag));
        assertTrue(EntityTags.matches("*", tag));
        assertEquals(false, EntityTags.matches(null, tag));
        assertEquals(false, EntityTags.matches("\"abcd\"", tag));
        assertEquals(false, EntityTags.matches("W/\"abc\"", tag), "a weak tag never matches a strong one");
    }

    @Test
    void withoutIfMatchTheChangeIs428() {
        assertEquals(428, refusal(null).getStatusCode());
        assertEquals(428, refusal("  ").getStatusCode());
    }

    @Test
    void theWildcardIs428ForItWouldMatchAnyVersion() {
        assertEquals(428, refusal("*").getStatusCode());
        String current = entityTags.of(new Item("a", 1));
        assertEquals(428, refusal(current + ", *").getStatusCode(), "not even next to the right tag");
    }

    @Test
    void anotherVersionsTagIs412NamingTheCurrentOne() {
        String old = entityTags.of(new Item("a", 0));
        HttpProblem refused = refusal(old);
        assertEquals(412, refused.getStatusCode());
        assertEquals(entityTags.of(new Item("a", 1)), refused.getHeaders().get("ETag"));
    }

    @Test
    void theCurrentTagPassesAloneOrInAList() {
        String current = entityTags.of(new Item("a", 1));
        assertDoesNotThrow(() -> preconditions.requireMatch(current, new Item("a", 1)));
        assertDoesNotThrow(() -> preconditions.requireMatch(current.replace("\"", ""), new Item("a", 1)));
        assertDoesNotThrow(() -> preconditions.requireMatch("\"old\", " + current, new Item("a", 1)));
    }

    private HttpProblem refusal(String ifMatch) {
        return assertThrows(HttpProblem.class, () -> preconditions.requireMatch(ifMatch, new Item("a", 1)));
    }
}
