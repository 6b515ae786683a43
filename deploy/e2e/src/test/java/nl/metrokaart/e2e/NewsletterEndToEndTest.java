package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static nl.metrokaart.e2e.RunningStack.keycloak;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.metrokaart.platform.testing.MailMessages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * newsletter-service through the gateway with real Keycloak tokens, on the one running stack: the activity feed fed
 * by programme-service's events, subscriptions and the mail they bring (read back from the stack's SMTP server and
 * its mail directory), newsletters and meetings in their HTML and iCalendar forms, and an integrator's webhook with
 * signed deliveries checked by this test's own Standard Webhooks verification.
 */
@ExtendWith(RunningStack.class)
class NewsletterEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** The days newsletters count in (newsletter-service composes by Dutch calendar days). */
    private static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Amsterdam");

    private static String programmeId;

    @BeforeAll
    static void programme() {
        programmeId = RunningStack.programme("EGEM newsletter e2e", "Tell everyone what the programme does.", "front-office", "Service delivery", "#00A651");
    }





    /** A proposed project of the test programme; returns its id. */
    private static String project(String code, String name) {
        return given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(Map.of("programmeId", programmeId, "code", code, "name", name,
                        "description", "Created by the newsletter end-to-end test.", "line", "front-office",
                        "plannedStartDate", "2009-03-01", "plannedEndDate", "2010-12-31", "budget", 25000,
                        "owner", "Programme office"))
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
    }

    private static void changeStatus(String projectId, String... statuses) {
        String manager = user("programme-manager");
        for (String status : statuses) {
            given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                    .body(Map.of("status", status, "explanation", "End-to-end test: " + status + "."))
                    .when().post("/api/v1/projects/" + projectId + "/status-changes")
                    .then().statusCode(201);
        }
    }

    private static String subscribe(String token, String name, String email, String municipalityCode, String role,
                                    String follows, List<String> projectIds, String delivery) {
        return subscribe(token, name, email, municipalityCode, role, follows, projectIds, delivery, "nl");
    }

    private static String subscribe(String token, String name, String email, String municipalityCode, String role,
                                    String follows, List<String> projectIds, String delivery, String language) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "email", email,
                "municipalityCode", municipalityCode, "role", role, "follows", follows, "delivery", delivery,
                "language", language));
        if (!projectIds.isEmpty()) {
            body.put("projectIds", projectIds);
        }
        return given().baseUri(gateway()).auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).body("email", equalTo(email)).extract().path("id");
    }

    @Test
    void everyNewsletterPathIsRoutedToNewsletterService() {
        String integrator = integrator();
        for (String collection : List.of("/api/v1/activities", "/api/v1/newsletters", "/api/v1/meetings",
                "/api/v1/subscriptions", "/api/v1/webhook-subscriptions")) {
            given().baseUri(gateway()).auth().oauth2(integrator)
                    .when().get(collection)
                    .then().statusCode(200)
                    .header("API-Version", "1.0.0")
                    .body("items", notNullValue());
            // A sub-path reaches the service too: its own 404 (with API-Version), not the gateway's.
            given().baseUri(gateway()).auth().oauth2(integrator)
                    .when().get(collection + "/00000000-0000-4000-8000-000000000000")
                    .then().statusCode(404)
                    .header("API-Version", "1.0.0")
                    .contentType("application/problem+json")
                    .body("detail", containsString("00000000-0000-4000-8000-000000000000"));
            given().baseUri(gateway())
                    .when().get(collection)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", notNullValue());
        }
        given().baseUri(gateway()).when().get("/asyncapi/newsletter-service.yaml")
                .then().statusCode(200).body(containsString("asyncapi:"));
    }

    @Test
    void aStatusChangeInProgrammeServiceAppearsInTheActivityFeed() {
        String projectId = project("E2E-ACT", "Activity feed check");
        changeStatus(projectId, "planned");

        String secretary = user("secretary-nederlek");
        Response feed = await().atMost(EVENTUALLY).until(() -> given().baseUri(gateway()).auth().oauth2(secretary)
                        .queryParam("projectId", projectId).queryParam("type", "project-status-changed")
                        .when().get("/api/v1/activities"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() == 1);
        assertEquals("nl.metrokaart.programme.project-status-changed", feed.path("items[0].eventType"));
        assertEquals("urn:nld:metrokaart:systeem:programme-service", feed.path("items[0].eventSource"));
        assertEquals("planned", feed.path("items[0].data.toStatus"));
        assertThat(feed.path("items[0].summary"), containsString("E2E-ACT – Activity feed check"));
        assertThat(feed.path("items[0].summary"), containsString("naar gepland"));
        given().baseUri(gateway()).auth().oauth2(secretary).header("Accept-Language", "en")
                .when().get("/api/v1/activities/" + feed.path("items[0].id"))
                .then().statusCode(200).header("Content-Language", "en").body("summary", containsString("to planned"));
    }

    @Test
    void aPublishedNewsletterIsMailedToASubscriberAndReadableAsHtml() throws Exception {
        String projectId = project("E2E-NEWS", "Newsletter check");
        String email = "e2e-newsletter-" + System.nanoTime() + "@bergambacht.example.nl";
        subscribe(user("coordinator-bergambacht"), "Marieke van Leeuwen", email, "GM0491", "municipality-coordinator",
                "projects", List.of(projectId), "per-event");
        // Someone else's address: its owner confirms through the link mailed to it (through the gateway).
        confirm(email);
        // The coordinator's own address, in English: active at once.
        String own = "coordinator-ouderkerk@ouderkerk.example.nl";
        String englishSubscription = subscribe(user("coordinator-ouderkerk"), "Kees Dekker", own, "GM0644",
                "municipality-coordinator", "projects", List.of(projectId), "per-event", "en");

        changeStatus(projectId, "planned", "in-progress", "realised");
        // Per event: the realisation reaches the subscriber as soon as newsletter-service has recorded it, in Dutch.
        MimeMessage perEvent = awaitMail(email, subject -> subject.contains("E2E-NEWS – Newsletter check")
                && subject.contains("naar gerealiseerd"));
        assertThat(MailMessages.content(perEvent), containsString("Beste Marieke van Leeuwen,"));
        assertThat(MailMessages.content(perEvent), containsString("Gebeurd op: "
                + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.forLanguageTag("nl"))
                        .format(LocalDate.now(PROGRAMME_ZONE))));
        MimeMessage inEnglish = awaitMail(own, subject -> subject.contains("E2E-NEWS – Newsletter check")
                && subject.contains("went from in progress to realised"));
        assertThat(MailMessages.content(inEnglish), containsString("Dear Kees Dekker,"));
        // One click unsubscribes, through the gateway (RFC 8058), and nothing more is sent.
        String unsubscribe = MimeUtility.unfold(inEnglish.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", inEnglish.getHeader("List-Unsubscribe-Post", null));
        assertThat(unsubscribe.replace("//localhost:", "//127.0.0.1:"), startsWith("<" + gateway() + "/api/v1/unsubscriptions?key="));
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(unsubscribe.substring(1, unsubscribe.length() - 1))
                .then().statusCode(200).header("Content-Language", "en").body(containsString("You are unsubscribed"));
        given().baseUri(gateway()).auth().oauth2(user("coordinator-ouderkerk"))
                .when().get("/api/v1/subscriptions/" + englishSubscription).then().statusCode(404);

        String manager = user("programme-manager");
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        String title = "E2E newsletter " + System.nanoTime();
        Response created = given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                .body(Map.of("periodStart", today.minusDays(1).toString(), "periodEnd", today.toString(), "title", title))
                .when().post("/api/v1/newsletters")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/newsletters/"))
                .body("status", equalTo("draft"))
                .extract().response();
        String id = created.path("id");
        int number = created.path("number");
        assertEquals(List.of("highlights", "milestones-achieved", "milestones-missed", "upcoming-key-milestones",
                "upcoming-meetings", "decisions-taken"), created.jsonPath().getList("sections.key"));
        List<String> realised = created.jsonPath().getList("sections.find { it.key == 'highlights' }.items");
        assertTrue(realised.stream().anyMatch(item -> item.contains("E2E-NEWS")), "highlights: " + realised);
        assertEquals(true, created.path("metroMapIncluded"), "the map, read from programme-service with a service token");

        String html = given().baseUri(gateway()).auth().oauth2(user("secretary-ouderkerk")).accept("text/html")
                .when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html, startsWith("<!DOCTYPE html>"));
        assertThat(html, containsString("<h1>" + title + "</h1>"));
        for (String section : List.of("where-we-stand", "metro-map", "highlights", "milestones-achieved", "milestones-missed",
                "upcoming-key-milestones", "upcoming-meetings", "decisions-taken", "progress-per-municipality")) {
            assertThat(html, containsString("<section id=\"" + section + "\">"));
        }
        assertThat(html, containsString("Project E2E-NEWS – Newsletter check ging van in uitvoering naar gerealiseerd"));
        assertThat(html, containsString("<svg"));
        // The demo's municipalities by name in the progress table.
        assertThat(html, containsString("<td>Bergambacht</td>"));

        String etag = given().baseUri(gateway()).auth().oauth2(manager).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(gateway()).auth().oauth2(manager).header("If-Match", etag)
                .when().post("/api/v1/newsletters/" + id + "/publication")
                .then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue());

        String subject = "[Metrokaart] " + title + " (nr. " + number + ")";
        MimeMessage newsletter = awaitMail(email, subject::equals);
        assertThat(MailMessages.content(newsletter), containsString("<h1>" + title + "</h1>"));
        assertThat(MailMessages.content(newsletter), containsString("E2E-NEWS"));
        assertThat(MailMessages.content(newsletter), containsString("<img src=\"cid:metro-map@metrokaart\""));
        assertThat(MailMessages.content(newsletter), containsString("alt=\"Metrokaart van"));
        // The metro map as a PNG part, decodable, referred to by its Content-ID.
        BufferedImage map = ImageIO.read(inlinePart(newsletter, "<metro-map@metrokaart>").getInputStream());
        assertTrue(map != null && map.getWidth() >= 600, "a PNG picture of the metro map");
        // The same mail as a file in the stack's mail directory, as the local run leaves it for a mail client.
        MimeMessage file = await().atMost(Duration.ofSeconds(10))
                .until(() -> mailFile(email, subject::equals), Optional::isPresent).orElseThrow();
        assertEquals(List.of(email), MailMessages.recipients(file));
    }

    @Test
    void aMeetingIsACalendarEventAndItsInvitationReachesTheSecretaries() throws Exception {
        String email = "e2e-secretary-" + System.nanoTime() + "@vlist.example.nl";
        subscribe(user("secretary-vlist"), "Gerrit Hoogendoorn", email, "GM0623", "secretary", "key-milestones",
                List.of(), "weekly-digest");
        confirm(email);

        String title = "E2E secretaries meeting " + System.nanoTime();
        String meetingId = given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(Map.of("title", title, "startsAt", "2031-03-13T10:00:00+01:00", "endsAt", "2031-03-13T12:00:00+01:00",
                        "location", "Gemeentehuis Vlist", "audience", "secretaries",
                        "agendaItems", List.of(Map.of("title", "Key milestones of the statutory projects", "projectCode", "WION"))))
                .when().post("/api/v1/meetings")
                .then().statusCode(201).extract().path("id");

        String ics = given().baseUri(gateway()).auth().oauth2(user("secretary-vlist")).accept("text/calendar")
                .when().get("/api/v1/meetings/" + meetingId)
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .extract().asString();
        Calendar published = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("PUBLISH", published.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = published.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals(meetingId + "@metrokaart", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals(title, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("Gemeentehuis Vlist", event.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertEquals("20310313T090000Z", event.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20310313T110000Z", event.getProperty(Property.DTEND).orElseThrow().getValue());

        MimeMessage invitation = awaitMail(email, ("[Metrokaart] Uitnodiging: " + title)::equals);
        assertThat(MailMessages.content(invitation), containsString("Beste Gerrit Hoogendoorn,"));
        assertThat(MailMessages.content(invitation), containsString("Wanneer: donderdag 13 maart 2031, 10:00–12:00"));
        // The calendar keeps the exact instant (UTC): 10:00 in Amsterdam.
        assertEquals(java.time.ZonedDateTime.of(2031, 3, 13, 10, 0, 0, 0, PROGRAMME_ZONE).toInstant(),
                java.time.Instant.from(event.<net.fortuna.ical4j.model.property.DtStart<?>>getProperty(Property.DTSTART)
                        .orElseThrow().getDate()));
        String attachment = MailMessages.attachment(invitation, "invitation.ics");
        assertNotNull(attachment, "the invitation carries the meeting as invitation.ics");
        assertThat(attachment, containsString("--content-type: text/calendar"));
        Calendar request = new CalendarBuilder().build(new StringReader(
                attachment.substring(0, attachment.lastIndexOf("\n--content-type:"))));
        assertEquals("REQUEST", request.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent invited = request.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals(title, invited.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("mailto:" + email, invited.getProperty(Property.ATTENDEE).orElseThrow().getValue());
        assertEquals("TRUE", invited.getProperty(Property.ATTENDEE).orElseThrow().getParameter("RSVP").orElseThrow().getValue());
        assertThat(invited.getProperty(Property.ORGANIZER).orElseThrow().getValue(), containsString("mailto:"));
        assertThat(invited.getProperty(Property.DESCRIPTION).orElseThrow().getValue(), containsString("Voor: de gemeentesecretarissen"));
    }

    @Test
    void anIntegratorGetsSignedWebhookDeliveriesThatOnlyItManages() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/metrokaart", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String integrator = integrator();
        String subscriptionId = null;
        try {
            String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/metrokaart";
            Response registered = given().baseUri(gateway()).auth().oauth2(integrator).contentType("application/json")
                    .body(Map.of("callbackUrl", callbackUrl,
                            "eventTypes", List.of("nl.metrokaart.programme.project-status-changed"),
                            "description", "End-to-end receiver"))
                    .when().post("/api/v1/webhook-subscriptions")
                    .then().statusCode(201)
                    .body("owner", equalTo("integrator-client"))
                    .body("enabled", equalTo(true))
                    .extract().response();
            subscriptionId = registered.path("id");
            String secret = registered.path("secret");
            assertThat(secret, startsWith("whsec_"));

            // The registration only succeeded because the receiver took the signed verification delivery.
            Received verification = received.stream().filter(r -> type(r).equals("nl.metrokaart.newsletter.webhook-verification"))
                    .findFirst().orElseThrow(() -> new AssertionError("no verification delivery: " + received));
            assertTrue(signatureValid(secret, verification), "verification delivery signed with the new secret");
            assertEquals(subscriptionId, JSON.readTree(verification.body()).path("data").path("webhookSubscriptionId").asText());

            String projectId = project("E2E-HOOK", "Webhook check");
            changeStatus(projectId, "planned");
            Received delivery = await().atMost(EVENTUALLY).until(() -> received.stream()
                            .filter(r -> ("projects/" + projectId).equals(event(r).path("subject").asText())).findFirst(),
                    Optional::isPresent).orElseThrow();
            JsonNode event = event(delivery);
            assertEquals("nl.metrokaart.programme.project-status-changed", event.path("type").asText());
            assertEquals("urn:nld:metrokaart:systeem:programme-service", event.path("source").asText());
            assertEquals("planned", event.path("data").path("toStatus").asText());
            assertThat(delivery.contentType(), startsWith("application/cloudevents+json"));
            assertTrue(signatureValid(secret, delivery), "delivery signed: " + delivery);
            long sentAt = Long.parseLong(delivery.timestamp());
            assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) < 300, "webhook-timestamp is now: " + sentAt);
            // The check can fail: another body or another secret does not verify.
            assertFalse(signatureValid(secret, delivery.withBody(delivery.body().replace("planned", "realised"))));
            assertFalse(signatureValid("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), delivery));

            String id = subscriptionId;
            await().atMost(EVENTUALLY).untilAsserted(() -> given().baseUri(gateway()).auth().oauth2(integrator)
                    .when().get("/api/v1/webhook-subscriptions/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("items.find { it.id == '" + delivery.id() + "' }.status", equalTo("delivered")));

            // Another integrator does not see it; another role may not use webhook subscriptions at all.
            String otherIntegrator = keycloak().clientCredentials("front-office-bergambacht", "front-office-bergambacht-secret");
            given().baseUri(gateway()).auth().oauth2(otherIntegrator)
                    .when().get("/api/v1/webhook-subscriptions/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            given().baseUri(gateway()).auth().oauth2(otherIntegrator)
                    .when().delete("/api/v1/webhook-subscriptions/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            given().baseUri(gateway()).auth().oauth2(otherIntegrator)
                    .when().get("/api/v1/webhook-subscriptions")
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
            given().baseUri(gateway()).auth().oauth2(user("programme-manager"))
                    .when().get("/api/v1/webhook-subscriptions/" + id)
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        } finally {
            if (subscriptionId != null) {
                given().baseUri(gateway()).auth().oauth2(integrator)
                        .when().delete("/api/v1/webhook-subscriptions/" + subscriptionId)
                        .then().statusCode(204);
            }
            receiver.stop(0);
        }
    }

    @Test
    void aSecretaryMayReadButNotComposeNewslettersOrPlanMeetings() {
        String secretary = user("secretary-schoonhoven");
        given().baseUri(gateway()).auth().oauth2(secretary).contentType("application/json")
                .body(Map.of("periodStart", "2009-01-01", "periodEnd", "2009-01-31"))
                .when().post("/api/v1/newsletters")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", notNullValue());
        given().baseUri(gateway()).auth().oauth2(secretary).contentType("application/json")
                .body(Map.of("title", "Not allowed", "startsAt", "2031-01-01T10:00:00+01:00",
                        "endsAt", "2031-01-01T11:00:00+01:00", "location", "Schoonhoven", "audience", "all-staff"))
                .when().post("/api/v1/meetings")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().baseUri(gateway()).auth().oauth2(secretary).when().get("/api/v1/newsletters")
                .then().statusCode(200);
    }

    /** One request the webhook receiver got. */
    private record Received(String id, String timestamp, String signature, String contentType, String body) {
        Received withBody(String other) {
            return new Received(id, timestamp, signature, contentType, other);
        }
    }

    private static JsonNode event(Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (IOException e) {
            throw new AssertionError("webhook body is not JSON: " + received.body(), e);
        }
    }

    private static String type(Received received) {
        return event(received).path("type").asText();
    }

    /**
     * The receiver's side of Standard Webhooks, written here from the specification rather than taken from the
     * service: the key is the base64-decoded part of the secret after {@code whsec_}; the header holds one or more
     * space-separated {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}; compared in constant time.
     */
    private static boolean signatureValid(String secret, Received received) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = received.id() + "." + received.timestamp() + "." + received.body();
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8))))
                .getBytes(StandardCharsets.US_ASCII);
        return received.signature() != null && Arrays.stream(received.signature().split(" "))
                .anyMatch(candidate -> MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), expected));
    }

    /** The address owner follows the confirmation link mailed to them: the page, then its button (a POST). */
    private static void confirm(String email) {
        MimeMessage request = awaitMail(email, "[Metrokaart] Bevestig uw abonnement op Metrokaart"::equals);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http://\\S+/api/v1/subscription-confirmations\\?key=[0-9a-f]{64})")
                .matcher(MailMessages.content(request));
        assertTrue(link.find(), MailMessages.content(request));
        assertThat(link.group(1).replace("//localhost:", "//127.0.0.1:"), startsWith(gateway()));
        given().when().get(link.group(1)).then().statusCode(200).body(containsString("Bevestigen"));
        given().when().post(link.group(1)).then().statusCode(200).body(containsString("Uw abonnement is bevestigd"));
    }

    /** The body part with this Content-ID. */
    private static jakarta.mail.BodyPart inlinePart(MimeMessage message, String contentId) throws Exception {
        java.util.Deque<jakarta.mail.Multipart> open = new java.util.ArrayDeque<>();
        open.push((jakarta.mail.Multipart) message.getContent());
        while (!open.isEmpty()) {
            jakarta.mail.Multipart multipart = open.pop();
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                    open.push(nested);
                } else if (part instanceof jakarta.mail.internet.MimeBodyPart mime && contentId.equals(mime.getContentID())) {
                    assertThat(part.getContentType(), containsString("image/png"));
                    return part;
                }
            }
        }
        throw new AssertionError("no part " + contentId);
    }

    /** Waits for a mail to this recipient whose subject matches, as the stack's SMTP server received it. */
    private static MimeMessage awaitMail(String recipient, Predicate<String> subject) {
        return await().atMost(EVENTUALLY).until(() -> Arrays.stream(RunningStack.stack().smtp().receivedMessages())
                        .filter(m -> MailMessages.recipients(m).contains(recipient) && subject.test(MailMessages.subject(m)))
                        .findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** A mail to this recipient with a matching subject among the {@code .eml} files of the mail directory. */
    private static Optional<MimeMessage> mailFile(String recipient, Predicate<String> subject) throws IOException {
        Path directory = RunningStack.MAIL_DIRECTORY;
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted()
                    .map(MailMessages::read)
                    .filter(m -> MailMessages.recipients(m).contains(recipient) && subject.test(MailMessages.subject(m)))
                    .findFirst();
        }
    }
}
