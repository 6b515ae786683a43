package nl.metrokaart.newsletter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.metrokaart.platform.testing.AsyncApiDocuments;
import org.junit.jupiter.api.Test;

/** The event contract matches the code: every type published and consumed, and every topic, is documented. */
@QuarkusTest
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentIsServedAndListsEveryEventTypeAndTopic() {
        Map<String, Object> asyncApi = AsyncApiDocuments.served();

        Map<String, Object> components = (Map<String, Object>) asyncApi.get("components");
        Set<String> documentedTypes = ((Map<String, Map<String, Object>>) components.get("messages")).values().stream()
                .map(message -> (String) message.get("name")).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(ActivityConsumer.TYPES);
        expected.addAll(CommunicationEvents.TYPES);
        expected.add(nl.metrokaart.newsletter.municipality.MunicipalityKnowledge.REGISTERED);
        expected.add(nl.metrokaart.newsletter.municipality.MunicipalityKnowledge.CHANGED);
        expected.addAll(ActivityConsumer.READ_MODEL_TYPES);
        expected.add(ActivityConsumer.MILESTONE_DELETED);
        expected.add("dead-letter");
        assertEquals(expected, documentedTypes);

        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
        Set<String> addresses = channels.values().stream().map(channel -> (String) channel.get("address")).collect(Collectors.toSet());
        assertTrue(addresses.containsAll(List.of(CommunicationEvents.TOPIC, "metrokaart.programme.projects",
                "metrokaart.municipality.projects", "metrokaart.municipality.municipalities",
                "metrokaart.newsletter-service.dead-letter")), addresses.toString());
        Map<String, Object> published = channels.get("communications");
        assertEquals(Set.of("newsletterPublished", "meetingScheduled", "meetingChanged", "meetingCancelled"),
                ((Map<String, Object>) published.get("messages")).keySet());
    }
}
