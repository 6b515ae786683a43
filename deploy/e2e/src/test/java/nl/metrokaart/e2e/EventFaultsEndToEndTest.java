package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.metrokaart.infra.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event pipeline against real faults, on the whole suite (real broker, real databases, the services as their
 * own processes), while a steady stream of project changes is written to programme-service: the broker stopped
 * for a while, and newsletter-service killed and restarted mid-stream. Each change is one project-changed event,
 * keyed by the project; newsletter-service's activity feed shows whether each event arrived, in order, once.
 */
@ExtendWith(RunningStack.class)
class EventFaultsEndToEndTest {

    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(8);

    @Test
    void withKafkaAwayEveryWriteIsAcceptedAndEveryEventArrivesAfterwardsInOrderOnce() throws Exception {
        try (ChangeStream stream = ChangeStream.start("KAFKA", 3)) {
            Thread.sleep(1_500);
            RunningStack.stack().kafka().stop();
            try {
                Thread.sleep(BROKER_OUTAGE.toMillis());
                assertTrue(stream.acceptedDuringLastSecond() > 0, "writes are accepted while Kafka is away");
            } finally {
                RunningStack.stack().kafka().start();
            }
            Thread.sleep(1_500);
            stream.stop();
            assertEquals(List.of(), stream.refusals(), "every write accepted");
            for (String projectId : stream.projectIds()) {
                List<Integer> versions = stream.acceptedVersions(projectId);
                List<Map<String, Object>> feed = awaitFeed(newsletter(), projectId, versions.size());
                assertEquals(versions, versionsOf(feed), "each event of project " + projectId + " once, in written order");
                assertEquals(feed.size(), feed.stream().map(a -> a.get("eventId")).distinct().count(), "none applied twice");
                awaitBudget(projectId, stream.lastBudgetCents(projectId));
            }
        }
    }

    @Test
    void aConsumerKilledAndRestartedMidStreamHoldsWhatAFreshReplayOfTheTopicsBuilds() throws Exception {
        List<String> projectIds;
        Map<String, List<Integer>> versions = new LinkedHashMap<>();
        try (ChangeStream stream = ChangeStream.start("RESTART", 3)) {
            Thread.sleep(1_500);
            RunningStack.stack().crashAndRestart(Stack.Service.NEWSLETTER);
            Thread.sleep(1_000);
            stream.stop();
            assertEquals(List.of(), stream.refusals(), "every write accepted");
            projectIds = stream.projectIds();
            projectIds.forEach(id -> versions.put(id, stream.acceptedVersions(id)));
        }
        Map<String, List<Map<String, Object>>> restarted = new LinkedHashMap<>();
        for (String projectId : projectIds) {
            List<Map<String, Object>> feed = awaitFeed(newsletter(), projectId, versions.get(projectId).size());
            assertEquals(versions.get(projectId), versionsOf(feed), "after the restart: each event once, in order");
            restarted.put(projectId, comparable(feed));
        }
        // A fresh replay: another newsletter-service on an empty database, its own consumer group reading every
        // topic from the start, builds its read model from nothing; the restarted one must hold the same.
        try (ServiceProcess replay = RunningStack.stack().freshInstance(Stack.Service.NEWSLETTER, "newsletter_replay")) {
            for (String projectId : projectIds) {
                List<Map<String, Object>> rebuilt = awaitFeed(replay.baseUrl(), projectId, versions.get(projectId).size());
                assertEquals(restarted.get(projectId), comparable(rebuilt),
                        "project " + projectId + ": the restarted consumer's activities equal the fresh replay's");
            }
        }
    }

    private static String newsletter() {
        return RunningStack.stack().service(Stack.Service.NEWSLETTER).baseUrl();
    }

    /**
     * The project's created and changed activities in feed order, once there are {@code expected} of them (and no
     * more shortly after, so that a duplicate would show).
     */
    private static List<Map<String, Object>> awaitFeed(String newsletter, String projectId, int expected) {
        String token = user("secretary-schoonhoven");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> projectActivities(newsletter, token, projectId).size() >= expected);
        try {
            Thread.sleep(1_000); // a duplicate applied late would show now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Map<String, Object>> settled = projectActivities(newsletter, token, projectId);
        assertEquals(expected, settled.size(), "activities of project " + projectId);
        return settled;
    }

    private static List<Map<String, Object>> projectActivities(String newsletter, String token, String projectId) {
        List<Map<String, Object>> feed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(newsletter).auth().oauth2(token).queryParam("projectId", projectId)
                    .queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/activities").then().statusCode(200).extract().response();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(a -> List.of("project-created", "project-changed").contains(a.get("type")))
                    .forEach(feed::add);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return feed;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> versionsOf(List<Map<String, Object>> feed) {
        return feed.stream().map(a -> ((Number) ((Map<String, Object>) a.get("data")).get("version")).intValue()).toList();
    }

    /** What a rebuilt read model must reproduce: everything but this instance's own ids and receipt times. */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> feed) {
        return feed.stream().map(a -> {
            Map<String, Object> kept = new LinkedHashMap<>(a);
            kept.remove("id");
            kept.remove("receivedAt");
            return kept;
        }).toList();
    }

    private static void awaitBudget(String projectId, long cents) {
        String token = user("secretary-schoonhoven");
        String municipality = RunningStack.stack().service(Stack.Service.MUNICIPALITY).baseUrl();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertEquals(cents, ((Number) given().baseUri(municipality).auth().oauth2(token)
                        .when().get("/api/v1/cost-allocations/" + projectId)
                        .then().statusCode(200).extract().path("budgetCents")).longValue()));
    }

    /**
     * Budget changes (PUT with If-Match) written one after the other, round robin over a few projects of a programme
     * of its own, straight to programme-service, every 50 ms, until stopped. Keeps each accepted write's version.
     */
    static final class ChangeStream implements AutoCloseable {

        private static final long BASE_CENTS = 10_000_00;
        private final String programmeId;
        private final Map<String, String> etags = new LinkedHashMap<>();
        private final Map<String, String> codes = new LinkedHashMap<>();
        private final Map<String, List<Integer>> versions = new LinkedHashMap<>();
        private final Map<String, Long> budgets = new LinkedHashMap<>();
        private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();
        private final List<String> refusals = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final String token = user("programme-manager");
        private final String programme = RunningStack.stack().service(Stack.Service.PROGRAMME).baseUrl();
        private Thread writer;

        private ChangeStream(String name) {
            programmeId = RunningStack.programme("Storingstest " + name, "Events komen aan, ook na een storing.",
                    "front-office", "Dienstverlening", "#0066CC");
        }

        static ChangeStream start(String name, int projectCount) {
            ChangeStream stream = new ChangeStream(name);
            for (int i = 0; i < projectCount; i++) {
                stream.create(name + "-" + i);
            }
            stream.writer = new Thread(stream::write, "change-stream-" + name);
            stream.writer.start();
            return stream;
        }

        private void create(String code) {
            Response created = given().baseUri(programme).auth().oauth2(token).contentType("application/json")
                    .body(body(code, BASE_CENTS)).when().post("/api/v1/projects")
                    .then().statusCode(201).extract().response();
            String id = created.path("id");
            // The ETag of the project as stored (the 201 carries none).
            Response stored = given().baseUri(programme).auth().oauth2(token).when().get("/api/v1/projects/" + id)
                    .then().statusCode(200).extract().response();
            codes.put(id, code);
            etags.put(id, stored.header("ETag"));
            versions.put(id, new ArrayList<>(List.of(stored.<Integer>path("version"))));
            budgets.put(id, BASE_CENTS);
        }

        private Map<String, Object> body(String code, long cents) {
            return Map.of("programmeId", programmeId, "code", code, "name", "Storingstest " + code,
                    "description", "Written by the event fault test.", "line", "front-office",
                    "plannedStartDate", "2009-03-01", "plannedEndDate", "2010-12-31",
                    "budget", java.math.BigDecimal.valueOf(cents, 2), "owner", "Programme office");
        }

        private void write() {
            while (running.get()) {
                for (String id : codes.keySet()) {
                    if (!running.get()) {
                        return;
                    }
                    long cents = budgets.get(id) + 1;
                    try {
                        Response answer = given().baseUri(programme).auth().oauth2(token).contentType("application/json")
                                .header("If-Match", etags.get(id)).body(body(codes.get(id), cents))
                                .when().put("/api/v1/projects/" + id).then().extract().response();
                        if (answer.statusCode() == 200) {
                            synchronized (this) {
                                etags.put(id, answer.header("ETag"));
                                versions.get(id).add(answer.path("version"));
                                budgets.put(id, cents);
                            }
                            acceptedAt.add(System.nanoTime());
                        } else {
                            refusals.add(answer.statusCode() + " " + answer.asString());
                        }
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        refusals.add(e.toString());
                    }
                }
            }
        }

        long acceptedDuringLastSecond() {
            long since = System.nanoTime() - 1_000_000_000L;
            return acceptedAt.stream().filter(t -> t > since).count();
        }

        void stop() throws InterruptedException {
            running.set(false);
            writer.join(30_000);
        }

        List<String> refusals() {
            return refusals;
        }

        List<String> projectIds() {
            return List.copyOf(codes.keySet());
        }

        synchronized List<Integer> acceptedVersions(String projectId) {
            return List.copyOf(versions.get(projectId));
        }

        synchronized long lastBudgetCents(String projectId) {
            return budgets.get(projectId);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
