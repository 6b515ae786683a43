package nl.metrokaart.municipality.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.municipality.project.ProgrammeMilestone;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * programme-service's events, sent through the real broker as its outbox relay sends them, reach the project
 * read model exactly once, in version order, whatever order and however often they arrive.
 */
@QuarkusTest
class ProgrammeEventConsumerTest {

    static final String TOPIC = "metrokaart.programme.projects";
    static final String SOURCE = "urn:nld:metrokaart:systeem:programme-service";
    static final String DEAD_LETTERS = "metrokaart.municipality-service.dead-letter";
    static final String PROGRAMME = "nl.metrokaart.programme.";

    @Inject
    Inbox inbox;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void duplicatesAndReplaysChangeNothing() {
        UUID projectId = UUID.randomUUID();
        String created = UUID.randomUUID().toString();
        send(created, "project-created", projectId, project(projectId, "Zaaksysteem", "proposed", "100000.00", 0));
        send(UUID.randomUUID().toString(), "project-changed", projectId, project(projectId, "Zaaksysteem", "proposed", "150000.00", 1));
        double duplicatesBefore = inbox.received(ProgrammeEventConsumer.CONSUMER, "duplicate");
        // The relay delivers at least once: the same event (same ce_id) again, and again.
        send(created, "project-created", projectId, project(projectId, "Zaaksysteem", "proposed", "100000.00", 0));
        send(created, "project-created", projectId, project(projectId, "Zaaksysteem", "proposed", "100000.00", 0));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inbox.received(ProgrammeEventConsumer.CONSUMER, "duplicate"), is(duplicatesBefore + 2)));
        ProgrammeProject stored = find(projectId);
        assertThat(stored.budget, comparesEqualTo(new BigDecimal("150000.00")));
        assertThat(stored.sourceVersion, is(1L));
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerOne() {
        UUID projectId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "project-status-changed", projectId,
                "{\"project\":" + project(projectId, "Digitaal loket", "in-progress", "80000.00", 3)
                        + ",\"fromStatus\":\"planned\",\"toStatus\":\"in-progress\"}");
        send(UUID.randomUUID().toString(), "project-created", projectId, project(projectId, "Loket", "proposed", "50000.00", 0));
        send(UUID.randomUUID().toString(), "project-changed", projectId, project(projectId, "Loket (2)", "planned", "60000.00", 2));
        UUID milestoneId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "milestone-achieved", projectId, milestone(milestoneId, projectId, "achieved", "2026-11-01", 1));
        send(UUID.randomUUID().toString(), "milestone-scheduled", projectId, milestone(milestoneId, projectId, "planned", null, 0));
        // A marker after them: once it is in, everything before it on the partition has been handled.
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "project-created", marker, project(marker, "Marker", "proposed", "1.00", 0));

        await().atMost(Duration.ofSeconds(20)).until(() -> findOrNull(marker) != null && findOrNull(projectId) != null);
        ProgrammeProject stored = find(projectId);
        assertThat(stored.name, is("Digitaal loket"));
        assertThat(stored.status, is("in-progress"));
        assertThat(stored.budget, comparesEqualTo(new BigDecimal("80000.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> milestone(milestoneId) != null);
        assertThat(milestone(milestoneId).status, is("achieved"));
        assertThat(milestone(milestoneId).achievedDate.toString(), is("2026-11-01"));
    }

    @Test
    void unknownTypesAreSkippedAndCountedAndTheConsumerCarriesOn() {
        double skippedBefore = inbox.received(ProgrammeEventConsumer.CONSUMER, "skipped");
        UUID projectId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "project-renamed-in-a-future-version", projectId, "{\"anything\":true}");
        send(UUID.randomUUID().toString(), "project-created", projectId, project(projectId, "Na onbekend", "proposed", "10.00", 0));

        await().atMost(Duration.ofSeconds(20)).until(() -> findOrNull(projectId) != null);
        assertThat(inbox.received(ProgrammeEventConsumer.CONSUMER, "skipped"), is(skippedBefore + 1));
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        UUID projectId = UUID.randomUUID();
        String noId = "no-id-" + UUID.randomUUID();
        Map<String, String> withoutId = new LinkedHashMap<>();
        withoutId.put("ce_specversion", "1.0");
        withoutId.put("ce_source", SOURCE);
        withoutId.put("ce_type", PROGRAMME + "project-created");
        withoutId.put("x-test", noId);
        kafka.send(TOPIC, projectId.toString(), withoutId, project(projectId, "Zonder id", "proposed", "1.00", 0));
        String notJson = UUID.randomUUID().toString();
        send(notJson, "project-created", projectId, "{not json");
        String missingBudget = UUID.randomUUID().toString();
        send(missingBudget, "project-created", projectId,
                "{\"id\":\"" + projectId + "\",\"programmeId\":\"" + UUID.randomUUID() + "\",\"code\":\"X\",\"name\":\"X\",\"status\":\"proposed\",\"version\":0}");
        send(UUID.randomUUID().toString(), "project-created", projectId, project(projectId, "Goed", "proposed", "5.00", 0));

        await().atMost(Duration.ofSeconds(20)).until(() -> findOrNull(projectId) != null);
        assertThat(find(projectId).name, is("Goed"));
        List<ConsumerRecord<String, String>> dead = kafka.read(DEAD_LETTERS, 100, Duration.ofSeconds(5));
        List<String> markers = dead.stream().map(r -> header(r, "ce_id") != null ? header(r, "ce_id") : header(r, "x-test")).toList();
        assertThat(markers, hasItems(noId, notJson, missingBudget));
        ConsumerRecord<String, String> missing = dead.stream().filter(r -> missingBudget.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(header(missing, "dead-letter-reason"), containsString("budget"));
    }

    @Test
    void aChangedUnachievedAndThenDeletedMilestoneLeavesTheReadModel() {
        UUID projectId = UUID.randomUUID();
        UUID milestoneId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "milestone-achieved", projectId, milestone(milestoneId, projectId, "achieved", "2026-11-01", 1));
        send(UUID.randomUUID().toString(), "milestone-unachieved", projectId, milestone(milestoneId, projectId, "open", null, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> milestone(milestoneId) != null && milestone(milestoneId).sourceVersion == 2);
        assertThat(milestone(milestoneId).status, is("open"));
        assertThat(milestone(milestoneId).achievedDate, is((Object) null));
        send(UUID.randomUUID().toString(), "milestone-deleted", projectId,
                "{\"id\":\"%s\",\"projectId\":\"%s\",\"version\":3,\"deletedAt\":\"2026-11-02T10:00:00Z\"}"
                        .formatted(milestoneId, projectId));
        await().atMost(Duration.ofSeconds(20)).until(() -> milestone(milestoneId) == null);
    }

    private void send(String id, String verb, UUID projectId, String json) {
        kafka.sendCloudEvent(TOPIC, projectId.toString(), id, SOURCE, PROGRAMME + verb, "projects/" + projectId, json);
    }

    private static String project(UUID id, String name, String status, String budget, long version) {
        return """
                {"id":"%s","programmeId":"%s","code":"P-%s","name":"%s","description":"d","line":"dienstverlening",
                 "priorityRank":1,"status":"%s","budget":%s,"owner":"o","version":%d,
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z"}"""
                .formatted(id, UUID.nameUUIDFromBytes("programme".getBytes(StandardCharsets.UTF_8)),
                        id.toString().substring(0, 8), name, status, budget, version);
    }

    private static String milestone(UUID id, UUID projectId, String status, String achievedDate, long version) {
        return """
                {"id":"%s","projectId":"%s","title":"Go-live","dueDate":"2026-12-01","achievedDate":%s,"key":true,
                 "status":"%s","version":%d}"""
                .formatted(id, projectId, achievedDate == null ? "null" : "\"" + achievedDate + "\"", status, version);
    }

    @jakarta.transaction.Transactional
    ProgrammeProject findOrNull(UUID id) {
        return ProgrammeProject.findById(id);
    }

    private ProgrammeProject find(UUID id) {
        ProgrammeProject project = findOrNull(id);
        assertThat(project, notNullValue());
        return project;
    }

    @jakarta.transaction.Transactional
    ProgrammeMilestone milestone(UUID id) {
        return ProgrammeMilestone.findById(id);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
