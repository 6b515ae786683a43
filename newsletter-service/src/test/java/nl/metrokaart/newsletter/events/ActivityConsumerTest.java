package nl.metrokaart.newsletter.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.infra.testing.KafkaTestClient;
import nl.metrokaart.infra.testing.PostgresKafkaResource;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.platform.inbox.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events of programme-service and municipality-service, sent through the real broker, become one activity each,
 * whatever the duplicates; unknown types are skipped and counted, malformed ones go to the dead-letter topic.
 */
@QuarkusTest
class ActivityConsumerTest {

    static final String PROGRAMME_SOURCE = "urn:nld:metrokaart:systeem:programme-service";
    static final String MUNICIPALITY_SOURCE = "urn:nld:metrokaart:systeem:municipality-service";

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
    void eventsOfBothServicesBecomeOneActivityEachWithReadableSummaries() {
        UUID projectId = UUID.randomUUID();
        String created = UUID.randomUUID().toString();
        programme(created, "project-created", projectId, project(projectId, "proposed", 0));
        programme(created, "project-created", projectId, project(projectId, "proposed", 0));
        programme(UUID.randomUUID().toString(), "project-status-changed", projectId,
                "{\"project\":" + project(projectId, "in-progress", 2) + ",\"fromStatus\":\"planned\",\"toStatus\":\"in-progress\","
                        + "\"explanation\":\"Budget approved\",\"changedBy\":\"programme-manager\"}");
        UUID milestoneId = UUID.randomUUID();
        programme(UUID.randomUUID().toString(), "milestone-missed", projectId, """
                {"id":"%s","projectId":"%s","title":"Koppeling live","dueDate":"2026-11-01","achievedDate":null,"key":true,
                 "status":"missed","version":1}""".formatted(milestoneId, projectId));
        String decision = UUID.randomUUID().toString();
        kafka.sendCloudEvent("metrokaart.municipality.projects", projectId.toString(), decision, MUNICIPALITY_SOURCE,
                "nl.metrokaart.municipality.decision-recorded", "decisions/" + decision, """
                {"id":"%s","projectId":"%s","question":"Eén proces?","options":["uniform","variants"],"outcome":"uniform",
                 "decidingBody":"steering-committee","decidedOn":"2026-11-20","rationale":"Eén manier van werken","version":0}"""
                        .formatted(decision, projectId));
        kafka.sendCloudEvent("metrokaart.municipality.municipalities", "GM0610", UUID.randomUUID().toString(), MUNICIPALITY_SOURCE,
                "nl.metrokaart.municipality.variant-choice-made", "municipalities/GM0610/variant-choices/" + projectId, """
                {"municipalityCode":"GM0610","projectId":"%s","approach":"uniform","variantName":null,"justification":"j","version":0}"""
                        .formatted(projectId));

        await().atMost(Duration.ofSeconds(30)).until(() -> activities(projectId).size() >= 5);
        List<Activity> activities = activities(projectId);
        assertThat(activities.stream().map(a -> a.type).toList(), contains("project-created", "project-status-changed",
                "milestone-missed", "decision-recorded", "variant-choice-made"));
        assertThat(activities.get(1).summary, is("Project ZK-1 Zaakgericht werken went from planned to in-progress: Budget approved"));
        assertThat(activities.get(2).summary, is("Key milestone 'Koppeling live' of ZK-1 Zaakgericht werken was missed (due 2026-11-01)."));
        assertThat(activities.get(2).keyMilestone, is(true));
        assertThat(activities.get(3).summary, is("The steering committee decided on ZK-1 Zaakgericht werken: one uniform way of working for all."));
        assertThat(activities.get(4).municipalityCode, is("GM0610"));
        assertThat(activities.get(4).projectCode, is("ZK-1"));
        assertThat(milestone(milestoneId).status, is("missed"));
    }

    @Test
    void unknownTypesAreSkippedAndMalformedOnesGoToTheDeadLetterTopic() {
        double skipped = inbox.received(ActivityConsumer.CONSUMER, "skipped");
        UUID projectId = UUID.randomUUID();
        programme(UUID.randomUUID().toString(), "project-archived", projectId, "{}");
        String broken = UUID.randomUUID().toString();
        programme(broken, "milestone-achieved", projectId, "[1, 2");
        String noProject = UUID.randomUUID().toString();
        kafka.sendCloudEvent("metrokaart.municipality.projects", projectId.toString(), noProject, MUNICIPALITY_SOURCE,
                "nl.metrokaart.municipality.decision-recorded", "decisions/x", "{\"outcome\":\"uniform\"}");
        kafka.send("metrokaart.programme.projects", projectId.toString(), Map.of("content-type", "application/json"), "{}");
        programme(UUID.randomUUID().toString(), "project-created", projectId, project(projectId, "proposed", 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> activities(projectId).size() == 1);
        assertThat(inbox.received(ActivityConsumer.CONSUMER, "skipped"), is(skipped + 1));
        List<String> dead = kafka.read("metrokaart.newsletter-service.dead-letter", 100, Duration.ofSeconds(5)).stream()
                .map(r -> r.headers().lastHeader("ce_id"))
                .map(h -> h == null ? "no-id" : new String(h.value(), StandardCharsets.UTF_8)).toList();
        assertThat(dead, hasItem(broken));
        assertThat(dead, hasItem(noProject));
        assertThat(dead, hasItem("no-id"));
    }

    private void programme(String id, String verb, UUID projectId, String json) {
        kafka.sendCloudEvent("metrokaart.programme.projects", projectId.toString(), id, PROGRAMME_SOURCE,
                "nl.metrokaart.programme." + verb, "projects/" + projectId, json);
    }

    private static String project(UUID id, String status, long version) {
        return """
                {"id":"%s","programmeId":"%s","code":"ZK-1","name":"Zaakgericht werken","status":"%s","budget":1000.00,
                 "version":%d}""".formatted(id, UUID.randomUUID(), status, version);
    }

    @Transactional
    List<Activity> activities(UUID projectId) {
        return Activity.list("projectId = ?1 order by position", projectId);
    }

    @Transactional
    KnownMilestone milestone(UUID id) {
        return KnownMilestone.findById(id);
    }
}
