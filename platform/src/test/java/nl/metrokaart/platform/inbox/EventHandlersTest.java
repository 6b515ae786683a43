package nl.metrokaart.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    record Created(UUID id, String name) {
    }

    @Test
    void eachTypeHasOneHandlerBoundToItsRecord() {
        EventHandlers.Handler<Created> handler = (event, data) -> { };
        EventHandlers handlers = EventHandlers.create().on("nl.metrokaart.test.thing-created", Created.class, handler);
        EventHandlers.Registration<?> registration = handlers.forType("nl.metrokaart.test.thing-created").orElseThrow();
        assertEquals(Created.class, registration.dataType());
        assertEquals(handler, registration.handler());
        assertTrue(handlers.forType("nl.metrokaart.test.thing-archived").isEmpty(), "unregistered types are skipped");
        assertThrows(IllegalArgumentException.class,
                () -> handlers.on("nl.metrokaart.test.thing-created", Created.class, (event, data) -> { }));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void dataThatIsNotARecordIsRefused() {
        // The generic bound keeps this from compiling; a raw call shows the check at run time as well.
        Class raw = com.fasterxml.jackson.databind.JsonNode.class;
        assertThrows(IllegalArgumentException.class,
                () -> EventHandlers.create().on("nl.metrokaart.test.thing-created", raw, (event, data) -> { }));
    }
}
