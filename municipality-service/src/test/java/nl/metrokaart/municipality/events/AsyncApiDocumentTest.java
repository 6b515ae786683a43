package nl.metrokaart.municipality.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.metrokaart.platform.testing.AsyncApiDocuments;
import org.junit.jupiter.api.Test;

/** The event contract matches the code: every type the service publishes, on its topic, and what it consumes. */
@QuarkusTest
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentIsServedAndListsEveryPublishedTypeOnItsTopic() {
        Map<String, Object> asyncApi = AsyncApiDocuments.served();

        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) asyncApi.get("components")).get("messages");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
        Map<String, Set<String>> typesByTopic = channels.values().stream().collect(Collectors.toMap(
                channel -> (String) channel.get("address"),
                channel -> ((Map<String, Map<String, String>>) channel.get("messages")).values().stream()
                        .map(ref -> (String) messages.get(ref.get("$ref").substring("#/components/messages/".length())).get("name"))
                        .collect(Collectors.toSet())));

        List<String> published = constants().stream().filter(v -> v.startsWith("nl.metrokaart.municipality.") && !v.endsWith(".")).toList();
        assertEquals(10, published.size());
        Set<String> onMunicipalities = typesByTopic.get(MunicipalityEvents.MUNICIPALITIES_TOPIC);
        Set<String> onProjects = typesByTopic.get(MunicipalityEvents.PROJECTS_TOPIC);
        assertEquals(Set.of(MunicipalityEvents.MUNICIPALITY_REGISTERED, MunicipalityEvents.MUNICIPALITY_CHANGED,
                MunicipalityEvents.PARTICIPATION_REGISTERED, MunicipalityEvents.PARTICIPATION_CHANGED,
                MunicipalityEvents.VARIANT_CHOICE_MADE, MunicipalityEvents.VARIANT_CHOICE_CHANGED), onMunicipalities);
        assertEquals(Set.of(MunicipalityEvents.DECISION_RECORDED, MunicipalityEvents.DECISION_CHANGED,
                MunicipalityEvents.ALLOCATION_KEY_CHOSEN, MunicipalityEvents.COST_ALLOCATION_CHANGED), onProjects);
        assertEquals(Set.copyOf(published), union(onMunicipalities, onProjects));

        Set<String> consumed = typesByTopic.get("metrokaart.programme.projects");
        assertTrue(consumed.containsAll(List.of("nl.metrokaart.programme.project-created", "nl.metrokaart.programme.project-changed",
                "nl.metrokaart.programme.project-status-changed", "nl.metrokaart.programme.milestone-scheduled",
                "nl.metrokaart.programme.milestone-rescheduled", "nl.metrokaart.programme.milestone-achieved",
                "nl.metrokaart.programme.milestone-missed")), consumed.toString());
        assertTrue(typesByTopic.containsKey("metrokaart.municipality-service.dead-letter"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static List<String> constants() {
        return AsyncApiDocuments.constants(MunicipalityEvents.class);
    }
}
