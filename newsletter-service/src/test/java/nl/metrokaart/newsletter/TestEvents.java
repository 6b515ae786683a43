package nl.metrokaart.newsletter;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.newsletter.activity.Activity;

/**
 * Puts programme-service's and municipality-service's events on the real broker, as their outbox relays would,
 * and waits until the activity feed recorded them.
 */
public final class TestEvents implements AutoCloseable {

    public static final String PROGRAMME_SOURCE = "urn:nld:metrokaart:systeem:programme-service";
    public static final String MUNICIPALITY_SOURCE = "urn:nld:metrokaart:systeem:municipality-service";

    private final KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers());

    /** A programme-service event about a project, occurred at {@code time}; returns the event id. */
    public String programme(String verb, UUID projectId, String json, Instant time) {
        return send("metrokaart.programme.projects", projectId.toString(), PROGRAMME_SOURCE, "nl.metrokaart.programme." + verb,
                "projects/" + projectId, json, time);
    }

    /** A municipality-service event, occurred at {@code time}; returns the event id. */
    public String municipality(String topic, String key, String verb, String json, Instant time) {
        return send(topic, key, MUNICIPALITY_SOURCE, "nl.metrokaart.municipality." + verb, null, json, time);
    }

    private String send(String topic, String key, String source, String type, String subject, String json, Instant time) {
        String id = UUID.randomUUID().toString();
        kafka.sendCloudEvent(topic, key, id, source, type, subject, json, time);
        return id;
    }

    /** Project data as programme-service publishes it. */
    /** The programme every test project belongs to. */
    public static final UUID PROGRAMME = UUID.fromString("0a0a0a0a-1111-4222-8333-444444444444");

    public static String project(UUID id, String code, String name, String status, long version) {
        return """
                {"id":"%s","programmeId":"%s","code":"%s","name":"%s","status":"%s","budget":1000.00,"version":%d}"""
                .formatted(id, PROGRAMME, code, name, status, version);
    }

    /** Milestone data as programme-service publishes it. */
    public static String milestone(UUID id, UUID projectId, String title, String dueDate, String achievedDate, boolean key,
            String status, long version) {
        return """
                {"id":"%s","projectId":"%s","title":"%s","dueDate":"%s","achievedDate":%s,"key":%b,"status":"%s","version":%d}"""
                .formatted(id, projectId, title, dueDate, achievedDate == null ? "null" : "\"" + achievedDate + "\"", key,
                        status, version);
    }

    /** Waits until every given event id is an activity; returns the activities in feed order. */
    public static List<Activity> awaitActivities(List<String> eventIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(eventIds).size() == eventIds.size());
        return recorded(eventIds);
    }

    private static List<Activity> recorded(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> Activity.<Activity>list("eventId in ?1 order by position", eventIds));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
