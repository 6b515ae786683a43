package nl.metrokaart.newsletter.webhook;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.platform.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events sent through the real broker become signed deliveries to the subscriptions that want them: once per
 * subscription however often the event arrives, retried with back-off, and a run of failures disables a
 * subscription. The dispatcher's schedule is off in tests; the test runs it.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final String SOURCE = "urn:nld:metrokaart:systeem:programme-service";
    static final String PATH = WebhookSubscriptionResourceTest.PATH;
    static final String MISSED = WebhookSubscriptionResourceTest.MISSED;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private void missed(String eventId, UUID projectId) {
        kafka.sendCloudEvent("metrokaart.programme.projects", projectId.toString(), eventId, SOURCE, MISSED,
                "projects/" + projectId, """
                {"id":"%s","projectId":"%s","title":"Koppeling live","dueDate":"2026-11-01","achievedDate":null,"key":true,
                 "status":"missed","version":1}""".formatted(UUID.randomUUID(), projectId));
    }

    /** Deliveries of the event to one subscription (other tests' subscriptions may want the same events). */
    @Transactional
    long deliveries(String subscriptionId, String eventId) {
        return WebhookDelivery.count("subscriptionId = ?1 and eventId = ?2", UUID.fromString(subscriptionId), eventId);
    }

    @Transactional
    void postpone(UUID subscriptionId, String eventId) {
        WebhookDelivery.update("nextAttemptAt = ?1 where subscriptionId = ?2 and eventId = ?3",
                Instant.now().plusSeconds(3600), subscriptionId, eventId);
    }

    @Transactional
    WebhookDelivery delivery(UUID subscriptionId, String eventId) {
        return WebhookDelivery.find("subscriptionId = ?1 and eventId = ?2", subscriptionId, eventId).firstResult();
    }

    @Test
    void aDuplicateEventIsDeliveredOncePerSubscriptionSignedAsACloudEvent() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("fanout-" + UUID.randomUUID());
        try (WebhookReceiver one = new WebhookReceiver(200); WebhookReceiver two = new WebhookReceiver(202);
                WebhookReceiver other = new WebhookReceiver(200)) {
            var first = WebhookSubscriptionResourceTest.register(token, one.url(), MISSED);
            var second = WebhookSubscriptionResourceTest.register(token, two.url(), MISSED,
                    "nl.metrokaart.programme.project-created");
            String secretOne = first.path("secret");
            String secretTwo = second.path("secret");
            String otherId = WebhookSubscriptionResourceTest.register(token, other.url(),
                    "nl.metrokaart.programme.milestone-achieved").path("id");

            String eventId = UUID.randomUUID().toString();
            UUID projectId = UUID.randomUUID();
            missed(eventId, projectId);
            missed(eventId, projectId);
            String marker = UUID.randomUUID().toString();
            missed(marker, projectId);
            // Events of one project are consumed in order: once the marker is there, both copies were handled.
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(second.path("id"), marker) == 1);
            assertEquals(1, deliveries(first.path("id"), eventId));
            assertEquals(1, deliveries(second.path("id"), eventId));
            assertEquals(0, deliveries(otherId, eventId));

            dispatcher.deliverDue();
            for (WebhookReceiver receiver : List.of(one, two)) {
                List<WebhookReceiver.Received> got = receiver.ofType(MISSED).stream()
                        .filter(r -> r.body().contains(eventId)).toList();
                assertThat(got, hasSize(1));
                WebhookReceiver.Received delivery = got.get(0);
                String secret = receiver == one ? secretOne : secretTwo;
                assertEquals(WebhookReceiver.expectedSignature(secret, delivery), delivery.signature());
                assertEquals("application/cloudevents+json", delivery.contentType());
                JsonNode event = JSON.readTree(delivery.body());
                assertEquals("1.0", event.path("specversion").asText());
                assertEquals(eventId, event.path("id").asText());
                assertEquals(SOURCE, event.path("source").asText());
                assertEquals(MISSED, event.path("type").asText());
                assertEquals("projects/" + projectId, event.path("subject").asText());
                assertEquals("application/json", event.path("datacontenttype").asText());
                assertTrue(event.hasNonNull("time"));
                assertEquals("Koppeling live", event.path("data").path("title").asText());
                assertEquals(projectId.toString(), event.path("data").path("projectId").asText());
            }
            // A signature made with another subscription's secret does not verify.
            WebhookReceiver.Received atOne = one.ofType(MISSED).get(0);
            assertTrue(!WebhookReceiver.expectedSignature(secretTwo, atOne).equals(atOne.signature()));
            assertThat(other.ofType(MISSED), hasSize(0));

            dispatcher.deliverDue();
            assertThat(one.ofType(MISSED).stream().filter(r -> r.body().contains(eventId)).toList(), hasSize(1));
        }
    }

    @Test
    void thisServicesOwnEventsAreDeliveredWithTheIdTheyHaveOnKafka() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("own-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            var subscription = WebhookSubscriptionResourceTest.register(token, receiver.url(),
                    CommunicationEvents.MEETING_SCHEDULED, CommunicationEvents.NEWSLETTER_PUBLISHED);
            String title = "Webhook meeting " + UUID.randomUUID();
            String meetingId = given().auth().oauth2(TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER))
                    .contentType("application/json").body("""
                            {"title": "%s", "startsAt": "2033-02-01T10:00:00Z", "endsAt": "2033-02-01T12:00:00Z",
                             "location": "Town hall Bergambacht", "audience": "steering-committee", "agendaItems": []}"""
                            .formatted(title))
                    .when().post("/api/v1/meetings").then().statusCode(201).extract().path("id");

            // Queued with the meeting, in its transaction; delivered by the next dispatcher run.
            dispatcher.deliverDue();
            List<WebhookReceiver.Received> got = receiver.ofType(CommunicationEvents.MEETING_SCHEDULED).stream()
                    .filter(r -> r.body().contains(meetingId)).toList();
            assertThat(got, hasSize(1));
            assertEquals(WebhookReceiver.expectedSignature(subscription.path("secret"), got.get(0)), got.get(0).signature());
            JsonNode event = JSON.readTree(got.get(0).body());
            assertEquals("urn:nld:metrokaart:systeem:newsletter-service", event.path("source").asText());
            assertEquals("meetings/" + meetingId, event.path("subject").asText());
            assertEquals(title, event.path("data").path("title").asText());
            assertEquals("steering-committee", event.path("data").path("audience").asText());

            // The integrator can tell it is the event other services read from Kafka: same id, same time.
            try (KafkaTestClient reader = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
                var published = reader.readUntil(CommunicationEvents.TOPIC,
                                records -> records.stream().anyMatch(r -> meetingId.equals(r.key())), Duration.ofSeconds(15))
                        .stream().filter(r -> meetingId.equals(r.key())).findFirst().orElseThrow();
                assertEquals(event.path("id").asText(), header(published, "ce_id"));
                assertEquals(Instant.parse(event.path("time").asText()), Instant.parse(header(published, "ce_time")));
            }
        }
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameMessageIdUntilDelivered() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("retry-" + UUID.randomUUID());
        // Verification accepted, then the first real attempt fails, the second succeeds.
        try (WebhookReceiver receiver = new WebhookReceiver(200, 200, 503)) {
            String id = WebhookSubscriptionResourceTest.register(token, receiver.url(), MISSED).path("id");
            String secret = given().auth().oauth2(token).when().get(PATH + "/" + id).then().extract().path("secret");
            assertThat(secret, nullValue());
            String eventId = UUID.randomUUID().toString();
            missed(eventId, UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id, eventId) == 1);

            dispatcher.deliverDue();
            WebhookDelivery afterFirst = delivery(UUID.fromString(id), eventId);
            assertEquals("pending", afterFirst.status.value());
            assertEquals(1, afterFirst.attempts);
            assertEquals(503, afterFirst.lastResponseStatus);
            assertTrue(afterFirst.nextAttemptAt.isAfter(afterFirst.lastAttemptAt), "backs off");
            // Not yet due: nothing is sent before the back-off has passed.
            dispatcher.deliverDue();
            assertThat(receiver.ofType(MISSED), hasSize(1));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.deliverDue();
                return "delivered".equals(delivery(UUID.fromString(id), eventId).status.value());
            });
            List<WebhookReceiver.Received> attempts = receiver.ofType(MISSED);
            assertThat(attempts, hasSize(2));
            assertEquals(attempts.get(0).id(), attempts.get(1).id());
            assertEquals(attempts.get(0).body(), attempts.get(1).body());

            given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].id", equalTo(attempts.get(0).id()))
                    .body("items[0].eventId", equalTo(eventId))
                    .body("items[0].eventType", equalTo(MISSED))
                    .body("items[0].status", equalTo("delivered"))
                    .body("items[0].attempts", is(2))
                    .body("items[0].lastResponseStatus", is(200))
                    .body("items[0].lastAttemptAt", notNullValue())
                    .body("items[0].nextAttemptAt", nullValue())
                    .body("items[0].attemptLog", hasSize(2))
                    .body("items[0].attemptLog[0].responseStatus", is(503))
                    .body("items[0].attemptLog[0].outcome", equalTo("answered HTTP 503"))
                    .body("items[0].attemptLog[1].number", is(2))
                    .body("items[0].attemptLog[1].responseStatus", is(200));
        }
    }

    @Test
    void aRunOfFailedDeliveriesDisablesTheSubscriptionUntilReEnabled() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("disable-" + UUID.randomUUID());
        // Accepts the verification, then fails every delivery (test config: 3 attempts, disabled after 2 failures).
        try (WebhookReceiver receiver = new WebhookReceiver(500, 200)) {
            String id = WebhookSubscriptionResourceTest.register(token, receiver.url(), MISSED).path("id");
            UUID projectId = UUID.randomUUID();
            List<String> events = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
            events.forEach(e -> missed(e, projectId));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> deliveries(id, e) == 1));
            // The newest waits out a long back-off, so it is still pending when the subscription is disabled.
            postpone(UUID.fromString(id), events.get(2));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.deliverDue();
                return given().auth().oauth2(token).when().get(PATH + "/" + id).then().extract().<Boolean>path("enabled")
                        .equals(false);
            });
            List<String> statuses = given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries")
                    .then().statusCode(200).extract().path("items.status");
            // Newest first: the postponed one was abandoned, the two oldest failed after 3 attempts each.
            assertEquals(List.of("abandoned", "failed", "failed"), statuses);
            assertThat(receiver.ofType(MISSED), hasSize(6));
            dispatcher.deliverDue();
            assertThat(receiver.ofType(MISSED), hasSize(6));

            String etag = given().auth().oauth2(token).when().get(PATH + "/" + id)
                    .then().body("consecutiveFailures", is(2)).body("disabledAt", notNullValue())
                    .extract().header("ETag");
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body(WebhookSubscriptionResourceTest.update(receiver.url(), true))
                    .when().put(PATH + "/" + id).then().statusCode(200)
                    .body("enabled", is(true))
                    .body("consecutiveFailures", is(0))
                    .body("disabledAt", nullValue());
        }
    }

    @Test
    void deliveriesArePagedNewestFirst() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("log-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String id = WebhookSubscriptionResourceTest.register(token, receiver.url(), MISSED).path("id");
            UUID projectId = UUID.randomUUID();
            List<String> events = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
            events.forEach(e -> missed(e, projectId));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> deliveries(id, e) == 1));
            String next = given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries?limit=2")
                    .then().statusCode(200)
                    .body("items.eventId", equalTo(List.of(events.get(2), events.get(1))))
                    .body("items[0].status", equalTo("pending"))
                    .body("items[0].attempts", is(0))
                    .extract().path("nextCursor");
            given().auth().oauth2(token).queryParam("cursor", next).queryParam("limit", 2)
                    .when().get(PATH + "/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items.eventId", equalTo(List.of(events.get(0))))
                    .body("nextCursor", nullValue());
            given().auth().oauth2(TestTokens.withRoles("boss", Roles.ADMIN)).when().get(PATH + "/" + id + "/deliveries")
                    .then().statusCode(200).body("items", hasSize(3)).body("items[0].id", containsString("-"));
            given().auth().oauth2(token).when().get(PATH + "/" + id + "/deliveries?cursor=%%%")
                    .then().statusCode(400);
        }
    }

    @Test
    void aWorkerWhoseLeaseRanOutCannotUndoTheSuccessOfTheOneThatTookOver() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("fence-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String id = WebhookSubscriptionResourceTest.register(token, receiver.url(), MISSED).path("id");
            String eventId = UUID.randomUUID().toString();
            missed(eventId, UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id, eventId) == 1);
            UUID subscriptionId = UUID.fromString(id);

            postponeOthers(subscriptionId); // earlier tests' leftovers must not crowd it out of the claimed batch
            // Worker A claims it and stalls; its lease runs out and worker B (another instance) claims it again.
            WebhookDispatcher.Claimed byA = claimed(dispatcher.claim(), subscriptionId);
            expireLease(subscriptionId, eventId);
            WebhookDispatcher.Claimed byB = claimed(dispatcher.claim(), subscriptionId);
            assertTrue(!byA.claimToken().equals(byB.claimToken()));
            QuarkusTransaction.requiringNew().run(() -> dispatcher.record(byB, new WebhookSender.Outcome(200, "accepted", 5)));
            // A's late failure is not recorded: B's success stands, and nothing counts against the subscription.
            for (int i = 0; i < 3; i++) {
                QuarkusTransaction.requiringNew().run(() -> dispatcher.record(byA,
                        new WebhookSender.Outcome(null, "no answer within 2000 ms", 2000)));
            }
            WebhookDelivery delivery = delivery(subscriptionId, eventId);
            assertEquals("delivered", delivery.status.value());
            assertEquals(1, delivery.attempts);
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().body("enabled", is(true))
                    .body("consecutiveFailures", is(0));
        }
    }

    @Test
    void whileTheReceiverIsDownDeliveriesWaitAndEachArrivesOnceSignedAfterItReturns() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("down-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            var subscription = WebhookSubscriptionResourceTest.register(token, receiver.url(), MISSED);
            String id = subscription.path("id");
            String secret = subscription.path("secret");
            UUID projectId = UUID.randomUUID();
            List<String> events = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
            receiver.down(true);
            events.forEach(e -> missed(e, projectId));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> deliveries(id, e) == 1));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.deliverDue();
                return events.stream().allMatch(e -> delivery(UUID.fromString(id), e).attempts >= 1);
            });
            assertTrue(events.stream().allMatch(e -> "pending".equals(delivery(UUID.fromString(id), e).status.value())));

            receiver.down(false);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.deliverDue();
                return events.stream().allMatch(e -> "delivered".equals(delivery(UUID.fromString(id), e).status.value()));
            });
            dispatcher.deliverDue();
            for (String eventId : events) {
                List<WebhookReceiver.Received> got = receiver.ofType(MISSED).stream()
                        .filter(r -> r.body().contains(eventId)).toList();
                assertThat("one success per delivery", got, hasSize(1));
                assertEquals(WebhookReceiver.expectedSignature(secret, got.get(0)), got.get(0).signature());
                assertEquals(delivery(UUID.fromString(id), eventId).id.toString(), got.get(0).id());
            }
        }
    }

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void aRegistrationWithAnIdempotencyKeyHoldsNoLockWhileTheCallbackIsVerified() throws Exception {
        String client = "slow-" + UUID.randomUUID();
        String token = WebhookSubscriptionResourceTest.integrator(client);
        String key = UUID.randomUUID().toString();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            receiver.delay(1500);
            String body = WebhookSubscriptionResourceTest.body(receiver.url(), MISSED);
            var registration = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                    .header("Idempotency-Key", key).contentType("application/json").body(body)
                    .when().post(PATH).then().extract());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> !receiver.received.isEmpty());
            // The verification is under way: the key's advisory lock (and so a connection) is not held meanwhile.
            long held = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
                       AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(:lock, 0)""")
                    .setParameter("lock", "service-account-" + client + "\n" + key).getSingleResult()).longValue());
            assertEquals(0L, held);
            var created = registration.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(201, created.statusCode());
            // The retry replays the answer, without another verification.
            int verifications = receiver.received.size();
            given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(body)
                    .when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(created.path("id")));
            assertEquals(verifications, receiver.received.size());
        }
    }

    private static WebhookDispatcher.Claimed claimed(List<WebhookDispatcher.Claimed> batch, UUID subscriptionId) {
        return batch.stream().filter(c -> c.subscriptionId().equals(subscriptionId)).findFirst().orElseThrow();
    }

    @Transactional
    void postponeOthers(UUID subscriptionId) {
        WebhookDelivery.update("nextAttemptAt = ?1 where subscriptionId <> ?2 and status = ?3",
                Instant.now().plusSeconds(3600), subscriptionId, WebhookDeliveryStatus.PENDING);
    }

    @Transactional
    void expireLease(UUID subscriptionId, String eventId) {
        WebhookDelivery.update("nextAttemptAt = ?1 where subscriptionId = ?2 and eventId = ?3",
                Instant.now().minusSeconds(1), subscriptionId, eventId);
    }
}
