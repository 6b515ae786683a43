package nl.metrokaart.newsletter.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.platform.inbox.Inbox;
import nl.metrokaart.platform.security.Roles;
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
        // Recorded in Dutch, the default; names as people use them, dates the Dutch way.
        assertThat(activities.get(1).summary, is("Project ZK-1 – Zaakgericht werken ging van gepland naar in uitvoering: Budget approved"));
        assertThat(activities.get(2).summary, is("Kernmijlpaal ‘Koppeling live’ van ZK-1 – Zaakgericht werken is niet gehaald (gepland op 1 november 2026)."));
        assertThat(activities.get(2).keyMilestone, is(true));
        assertThat(activities.get(3).summary, is("De stuurgroep heeft over ZK-1 – Zaakgericht werken besloten: één uniforme werkwijze voor alle gemeenten."));
        // In English on request, saying so.
        given().auth().oauth2(TestTokens.withRoles("reader", Roles.SECRETARY)).header("Accept-Language", "en-GB, en;q=0.9")
                .when().get("/api/v1/activities/" + activities.get(2).id)
                .then().statusCode(200).header("Content-Language", "en")
                .body("summary", is("Key milestone ‘Koppeling live’ of ZK-1 – Zaakgericht werken was missed (due 1 November 2026)."));
        given().auth().oauth2(TestTokens.withRoles("reader", Roles.SECRETARY))
                .when().get("/api/v1/activities/" + activities.get(2).id)
                .then().statusCode(200).header("Content-Language", "nl");
        assertThat(activities.get(4).municipalityCode, is("GM0610"));
        assertThat(activities.get(4).projectCode, is("ZK-1"));
        assertThat(milestone(milestoneId).status, is("missed"));
    }

    /**
     * Every type the feed consumes, with data shaped as its producer publishes it (see the producers' asyncapi.yaml),
     * becomes an activity with its own sentence; a type added to the consumer without a case here fails the test.
     */
    @Test
    void everyConsumedTypeBecomesAnActivityWithItsOwnSentence() {
        UUID projectId = UUID.randomUUID();
        UUID predecessorId = UUID.randomUUID();
        String code = "ALL-" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String subject = code + " – Alles in een";
        String predecessor = "BAG-" + code + " – Basisregistratie";
        // What municipality-service published of the municipality: texts name it.
        municipalityEvent("municipality-registered", "GM0610", """
                {"code":"GM0610","name":"Schoonhoven","inhabitants":11870,"municipalSecretary":"Marja Bos","version":0}""");
        String project = TestEvents.project(projectId, code, "Alles in een", "planned", 1);
        // The projects first, so every sentence can name them.
        List<String> known = List.of(
                programmeEvent("project-created", projectId, TestEvents.project(projectId, code, "Alles in een", "proposed", 0)),
                programmeEvent("project-created", predecessorId,
                        TestEvents.project(predecessorId, "BAG-" + code, "Basisregistratie", "proposed", 0)));
        TestEvents.awaitActivities(known);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(programmeEvent("project-changed", projectId, project),
                "project-changed: Project " + subject + " is bijgewerkt (planning, budget of eigenaar).");
        expected.put(programmeEvent("project-status-changed", projectId, "{\"project\":" + project
                        + ",\"fromStatus\":\"proposed\",\"toStatus\":\"planned\",\"explanation\":null,\"changedBy\":\"pm\"}"),
                "project-status-changed: Project " + subject + " ging van voorgesteld naar gepland.");
        expected.put(programmeEvent("project-priority-changed", projectId,
                        "{\"projectId\":\"%s\",\"code\":\"%s\",\"fromRank\":3,\"toRank\":1}".formatted(projectId, code)),
                "project-priority-changed: Project " + subject + " ging van prioriteit 3 naar 1.");
        UUID pilot = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        expected.put(programmeEvent("milestone-scheduled", projectId,
                        TestEvents.milestone(pilot, projectId, "Pilot", "2027-03-01", null, false, "open", 0)),
                "milestone-scheduled: Mijlpaal ‘Pilot’ van " + subject + " is gepland op 1 maart 2027.");
        expected.put(programmeEvent("milestone-rescheduled", projectId,
                        TestEvents.milestone(pilot, projectId, "Pilot", "2027-04-01", null, false, "open", 1)),
                "milestone-rescheduled: Mijlpaal ‘Pilot’ van " + subject + " is verschoven naar 1 april 2027.");
        expected.put(programmeEvent("milestone-missed", projectId,
                        TestEvents.milestone(pilot, projectId, "Pilot", "2027-04-01", null, false, "missed", 2)),
                "milestone-missed: Mijlpaal ‘Pilot’ van " + subject + " is niet gehaald (gepland op 1 april 2027).");
        expected.put(programmeEvent("milestone-achieved", projectId,
                        TestEvents.milestone(live, projectId, "Live", "2027-05-01", "2027-05-02", true, "achieved", 1)),
                "milestone-achieved: Kernmijlpaal ‘Live’ van " + subject + " is behaald op 2 mei 2027.");
        String dependency = """
                {"id":"%s","projectId":"%s","predecessorId":"%s","type":"%s","lagDays":0,"explanation":"Adressen eerst",
                 "createdAt":"2026-11-20T10:00:00Z"}""";
        expected.put(programmeEvent("dependency-added", projectId,
                        dependency.formatted(UUID.randomUUID(), projectId, predecessorId, "must-finish-before")),
                "dependency-added: Project " + subject + " wacht nu tot " + predecessor + " klaar is.");
        expected.put(programmeEvent("dependency-added", projectId,
                        dependency.formatted(UUID.randomUUID(), projectId, predecessorId, "influences")),
                "dependency-added: Keuzes in " + predecessor + " beïnvloeden nu project " + subject + ".");
        expected.put(programmeEvent("dependency-removed", projectId,
                        dependency.formatted(UUID.randomUUID(), projectId, predecessorId, "influences")),
                "dependency-removed: Project " + subject + " hangt niet langer af van " + predecessor + ".");
        String participation = """
                {"id":"%s","municipalityCode":"GM0610","projectId":"%s","projectCode":"%s","participates":%b,
                 "localLead":"J. de Boer","implementationStatus":"%s","plannedGoLiveDate":null,"version":%d}""";
        expected.put(municipalityEvent("participation-registered", "GM0610",
                        participation.formatted(UUID.randomUUID(), projectId, code, true, "preparing", 0)),
                "participation-registered: Schoonhoven doet mee aan " + subject + " (in voorbereiding).");
        expected.put(municipalityEvent("participation-changed", "GM0610",
                        participation.formatted(UUID.randomUUID(), projectId, code, false, "not-started", 1)),
                "participation-changed: Schoonhoven doet niet mee aan " + subject + " (nog niet begonnen).");
        String choice = """
                {"id":"%s","municipalityCode":"GM0610","projectId":"%s","projectCode":"%s","approach":"%s",
                 "variantName":%s,"justification":"Eigen balie","decisionId":null,"version":%d}""";
        expected.put(municipalityEvent("variant-choice-made", "GM0610",
                        choice.formatted(UUID.randomUUID(), projectId, code, "uniform", "null", 0)),
                "variant-choice-made: Schoonhoven volgt de uniforme werkwijze voor " + subject + ".");
        expected.put(municipalityEvent("variant-choice-changed", "GM0610",
                        choice.formatted(UUID.randomUUID(), projectId, code, "variant", "\"Eigen loket\"", 1)),
                "variant-choice-changed: Schoonhoven houdt een eigen variant ‘Eigen loket’ voor " + subject + ".");
        String decision = """
                {"id":"%s","projectId":"%s","projectCode":"%s","question":"Een proces?","options":["uniform","variants"],
                 "outcome":"%s","decidingBody":"%s","decidedOn":"2026-11-20","rationale":"r","version":%d}""";
        UUID decisionId = UUID.randomUUID();
        expected.put(projectEvent("decision-recorded", projectId,
                        decision.formatted(decisionId, projectId, code, "uniform", "steering-committee", 0)),
                "decision-recorded: De stuurgroep heeft over " + subject + " besloten: één uniforme werkwijze voor alle gemeenten.");
        expected.put(projectEvent("decision-changed", projectId,
                        decision.formatted(decisionId, projectId, code, "variants-allowed", "municipal-executive", 1)),
                "decision-changed: Het college van B en W heeft over " + subject
                        + " besloten: gemeenten mogen een eigen variant houden.");
        expected.put(projectEvent("allocation-key-chosen", projectId, """
                        {"projectId":"%s","projectCode":"%s","method":"weighted","inhabitantsWeightPercent":40}"""
                        .formatted(projectId, code)),
                "allocation-key-chosen: De kosten van " + subject
                        + " worden voor 40% naar aantal inwoners verdeeld en voor de rest in gelijke delen.");
        expected.put(projectEvent("cost-allocation-changed", projectId, """
                        {"projectId":"%s","projectCode":"%s","budgetCents":12500000,"method":"weighted","shares":[
                         {"municipalityCode":"GM0610","amountCents":5000000},{"municipalityCode":"GM1931","amountCents":4000000},
                         {"municipalityCode":"GM0611","amountCents":3500000},{"municipalityCode":"GM0612","amountCents":0}]}"""
                        .formatted(projectId, code)),
                "cost-allocation-changed: Het budget van " + subject + " (€\u00a0125.000,00) wordt nu gedeeld door 3 gemeenten.");

        List<Activity> activities = TestEvents.awaitActivities(List.copyOf(expected.keySet()));
        assertThat(activities.stream().map(a -> a.type + ": " + a.summary).toList(),
                containsInAnyOrder(expected.values().toArray(String[]::new)));
        Set<String> covered = Stream.concat(activities.stream(), TestEvents.awaitActivities(known).stream())
                .map(a -> a.eventType).collect(Collectors.toSet());
        assertThat("each consumed type has a case here", covered, is(Set.copyOf(ActivityConsumer.TYPES)));
        // The municipality filter finds what concerns a municipality: about it, or a cost it pays a share of.
        Map<String, List<String>> concerning = new LinkedHashMap<>();
        for (String municipality : List.of("GM0610", "GM1931", "GM0612")) {
            concerning.put(municipality, given().auth().oauth2(TestTokens.withRoles("reader", Roles.SECRETARY))
                    .queryParam("projectId", projectId.toString()).queryParam("municipalityCode", municipality)
                    .queryParam("limit", 100).when().get("/api/v1/activities")
                    .then().statusCode(200).extract().path("items.type"));
        }
        assertThat(concerning.get("GM0610"), containsInAnyOrder("participation-registered", "participation-changed",
                "variant-choice-made", "variant-choice-changed", "cost-allocation-changed"));
        assertThat(concerning.get("GM1931"), contains("cost-allocation-changed"));
        assertThat("a zero share is no concern", concerning.get("GM0612"), is(List.of()));
        for (Activity activity : activities) {
            assertThat(activity.eventId, activity.projectId, is(projectId));
            assertThat(activity.eventId, activity.projectCode, is(code));
            assertThat(activity.type, activity.municipalityCode,
                    is(activity.type.startsWith("participation-") || activity.type.startsWith("variant-choice-") ? "GM0610" : null));
            assertThat(activity.type, activity.keyMilestone, is(activity.type.equals("milestone-achieved")));
        }
    }

    private String programmeEvent(String verb, UUID projectId, String json) {
        String id = UUID.randomUUID().toString();
        programme(id, verb, projectId, json);
        return id;
    }

    /** An event municipality-service publishes on its projects topic (decisions and costs), keyed by the project. */
    private String projectEvent(String verb, UUID projectId, String json) {
        String id = UUID.randomUUID().toString();
        kafka.sendCloudEvent("metrokaart.municipality.projects", projectId.toString(), id, MUNICIPALITY_SOURCE,
                "nl.metrokaart.municipality." + verb, "projects/" + projectId, json);
        return id;
    }

    /** An event municipality-service publishes on its municipalities topic, keyed by the municipality. */
    private String municipalityEvent(String verb, String municipalityCode, String json) {
        String id = UUID.randomUUID().toString();
        kafka.sendCloudEvent("metrokaart.municipality.municipalities", municipalityCode, id, MUNICIPALITY_SOURCE,
                "nl.metrokaart.municipality." + verb, "municipalities/" + municipalityCode, json);
        return id;
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
