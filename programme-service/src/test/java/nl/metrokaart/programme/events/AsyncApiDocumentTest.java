package nl.metrokaart.programme.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.metrokaart.platform.outbox.OutboxEvent;
import nl.metrokaart.platform.testing.AsyncApiDocuments;
import nl.metrokaart.platform.testing.PublishedEventsMatchTheirSchemas;
import org.junit.jupiter.api.Test;

/** The published event contract matches the code: every type and topic the service emits is documented. */
@QuarkusTest
class AsyncApiDocumentTest {

    @Inject
    Event<OutboxEvent> recorded;

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentIsServedAndListsEveryEventType() {
        Map<String, Object> asyncApi = AsyncApiDocuments.served();

        Map<String, Object> components = (Map<String, Object>) asyncApi.get("components");
        Set<String> documentedTypes = ((Map<String, Map<String, Object>>) components.get("messages")).values().stream()
                .map(message -> (String) message.get("name")).collect(Collectors.toSet());
        List<String> emittedTypes = constants().stream().filter(v -> v.startsWith("nl.metrokaart.") && !v.endsWith(".")).toList();
        assertEquals(15, emittedTypes.size());
        assertEquals(Set.copyOf(emittedTypes), documentedTypes);

        Set<String> addresses = ((Map<String, Map<String, Object>>) asyncApi.get("channels")).values().stream()
                .map(channel -> (String) channel.get("address")).collect(Collectors.toSet());
        assertTrue(addresses.containsAll(List.of(ProgrammeEvents.PROJECTS_TOPIC, ProgrammeEvents.PROGRAMMES_TOPIC)));
    }

    @Test
    void everyPublishedTypeHasASchemaThatRejectsDataNotOfItsShape() {
        List<String> emitted = constants().stream().filter(v -> v.startsWith("nl.metrokaart.") && !v.endsWith(".")).toList();
        assertTrue(PublishedEventsMatchTheirSchemas.SCHEMAS.types().containsAll(emitted));
        // The validator in PublishedEventsMatchTheirSchemas checks every event the tests publish; it is not vacuous:
        String milestone = """
                {"id":"7b0e3f4e-4d8e-4c59-9c8e-2f6f3f0f9a11","projectId":"7b0e3f4e-4d8e-4c59-9c8e-2f6f3f0f9a12",
                 "title":"Go live","dueDate":"2030-01-01","achievedDate":null,"key":true,"status":"open","version":0,
                 "createdAt":"2029-01-01T10:00:00Z","updatedAt":"2029-01-01T10:00:00Z"}""";
        assertEquals(List.of(), PublishedEventsMatchTheirSchemas.SCHEMAS.violations(ProgrammeEvents.MILESTONE_SCHEDULED, milestone));
        assertTrue(!PublishedEventsMatchTheirSchemas.SCHEMAS.violations(ProgrammeEvents.MILESTONE_SCHEDULED,
                milestone.replace("\"open\"", "\"finished\"")).isEmpty(), "status outside the enum");
        assertTrue(!PublishedEventsMatchTheirSchemas.SCHEMAS.violations(ProgrammeEvents.MILESTONE_SCHEDULED,
                milestone.replace("\"key\":true,", "")).isEmpty(), "a required field missing");
        assertTrue(!PublishedEventsMatchTheirSchemas.SCHEMAS.violations(ProgrammeEvents.MILESTONE_DELETED,
                "{\"id\":5}").isEmpty(), "wrong type");
    }

    @Test
    void theSchemaCheckObservesEveryRecordedEventExceptTheTestsOwnProbes() {
        // The kit's observer, inherited by ProgrammeEventsMatchTheirSchemas, refuses a recorded event that does not fit.
        OutboxEvent event = new OutboxEvent();
        event.type = ProgrammeEvents.MILESTONE_DELETED;
        event.data = "{\"id\":5}";
        RuntimeException refused = assertThrows(RuntimeException.class, () -> recorded.fire(event));
        assertTrue(refused.getMessage().contains("does not match its AsyncAPI schema"), refused.getMessage());
        event.type = "nl.metrokaart.test.probe";
        recorded.fire(event);
    }

    private static List<String> constants() {
        return AsyncApiDocuments.constants(ProgrammeEvents.class);
    }
}
