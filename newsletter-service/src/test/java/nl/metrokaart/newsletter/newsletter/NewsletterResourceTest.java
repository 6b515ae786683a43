package nl.metrokaart.newsletter.newsletter;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.newsletter.TestEvents.milestone;
import static nl.metrokaart.newsletter.TestEvents.project;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.newsletter.mail.Mails;
import nl.metrokaart.newsletter.subscription.TestSubscriptions;
import nl.metrokaart.platform.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Newsletters composed from real events sent through the broker, edited, rendered, published and e-mailed. */
@QuarkusTest
class NewsletterResourceTest {

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private static String reader() {
        return TestTokens.withRoles("secretary", Roles.SECRETARY);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PERIODS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A period of its own, far from every other test's events (each run starts with an empty database), and
     * within the dates the API accepts (up to 2199-12-31).
     */
    private static LocalDate freshPeriodStart() {
        return LocalDate.of(2100, 1, 1).plusWeeks(PERIODS.getAndIncrement() * 4L);
    }

    private static String dutch(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl")).format(date);
    }

    private static String period(LocalDate start, LocalDate end, String title) {
        return "{\"periodStart\":\"" + start + "\",\"periodEnd\":\"" + end + "\"" + (title == null ? "" : ",\"title\":\"" + title + "\"") + "}";
    }

    private static ExtractableResponse<Response> create(LocalDate start, LocalDate end) {
        return given().auth().oauth2(manager()).contentType("application/json").body(period(start, end, null))
                .when().post("/api/v1/newsletters").then().statusCode(201).extract();
    }

    @Test
    void draftIsComposedFromThePeriodsEventsThenEditedRenderedAndPublished() throws Exception {
        LocalDate start = freshPeriodStart();
        LocalDate end = start.plusDays(27);
        Instant during = start.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant after = end.plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        UUID projectId = UUID.randomUUID();
        String code = "NB-" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String name = "Veilig <script>alert(1)</script> & snel";
        UUID achieved = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        UUID upcoming = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        List<String> events = new ArrayList<>();
        try (TestEvents broker = new TestEvents()) {
            broker.municipality("metrokaart.municipality.municipalities", "GM0610", "municipality-registered", """
                    {"code":"GM0610","name":"Schoonhoven","inhabitants":11870,"municipalSecretary":"Marja Bos","version":0}""", during);
            broker.municipality("metrokaart.municipality.municipalities", "GM1931", "municipality-registered", """
                    {"code":"GM1931","name":"Krimpenerwaard","inhabitants":56000,"municipalSecretary":"Jan Jansen","version":0}""", during);
            events.add(broker.programme("project-created", projectId, project(projectId, code, name, "proposed", 0), during));
            events.add(broker.programme("project-status-changed", projectId, "{\"project\":" + project(projectId, code, name, "realised", 1)
                    + ",\"fromStatus\":\"in-progress\",\"toStatus\":\"realised\",\"explanation\":\"Live in all municipalities\","
                    + "\"changedBy\":\"pm\"}", during.plusSeconds(60)));
            events.add(broker.programme("milestone-achieved", projectId,
                    milestone(achieved, projectId, "Pilot done", start.plusDays(1).toString(), start.plusDays(2).toString(), false, "achieved", 1),
                    during.plusSeconds(120)));
            events.add(broker.programme("milestone-missed", projectId,
                    milestone(missed, projectId, "Koppeling live", start.plusDays(1).toString(), null, true, "missed", 1),
                    during.plusSeconds(180)));
            events.add(broker.programme("milestone-scheduled", projectId,
                    milestone(upcoming, projectId, "Go-live wave 2", end.plusDays(10).toString(), null, true, "open", 0),
                    during.plusSeconds(200)));
            events.add(broker.programme("milestone-scheduled", projectId,
                    milestone(later, projectId, "Evaluation", end.plusDays(50).toString(), null, true, "open", 0),
                    during.plusSeconds(210)));
            String decision = UUID.randomUUID().toString();
            events.add(broker.municipality("metrokaart.municipality.projects", projectId.toString(), "decision-recorded", """
                    {"id":"%s","projectId":"%s","question":"One process?","options":["uniform","variants"],"outcome":"uniform",
                     "decidingBody":"steering-committee","decidedOn":"%s","rationale":"r","version":0}"""
                    .formatted(decision, projectId, start.plusDays(3)), during.plusSeconds(240)));
            events.add(broker.municipality("metrokaart.municipality.municipalities", "GM1931", "participation-registered", """
                    {"municipalityCode":"GM1931","projectId":"%s","participates":true,"localLead":"Piet",
                     "implementationStatus":"preparing","plannedGoLiveDate":null,"version":0}""".formatted(projectId),
                    during.plusSeconds(300)));
            events.add(broker.municipality("metrokaart.municipality.municipalities", "GM0610", "variant-choice-made", """
                    {"municipalityCode":"GM0610","projectId":"%s","approach":"uniform","variantName":null,"justification":"j",
                     "decisionId":null,"version":0}""".formatted(projectId), during.plusSeconds(360)));
            events.add(broker.municipality("metrokaart.municipality.municipalities", "GM0610", "participation-registered", """
                    {"municipalityCode":"GM0610","projectId":"%s","participates":true,"localLead":"Jan",
                     "implementationStatus":"live","plannedGoLiveDate":null,"version":0}""".formatted(projectId),
                    during.plusSeconds(420)));
            events.add(broker.programme("milestone-achieved", projectId,
                    milestone(UUID.randomUUID(), projectId, "After the period", end.plusDays(2).toString(), end.plusDays(3).toString(),
                            true, "achieved", 1), after));
            TestEvents.awaitActivities(events);
        }

        String subject = code + " – " + name;
        JsonPath draft = create(start, end).jsonPath();
        assertThat(draft.getString("status"), is("draft"));
        assertThat(draft.getString("language"), is("nl"));
        assertThat(draft.getString("title"), is("Metrokaart nieuwsbrief " + draft.getInt("number")));
        assertThat(draft.getList("sections.key"), contains("highlights", "milestones-achieved", "milestones-missed",
                "upcoming-key-milestones", "upcoming-meetings", "decisions-taken"));
        assertThat(draft.getList("sections.heading"), contains("Hoogtepunten", "Behaalde mijlpalen", "Niet gehaalde mijlpalen",
                "Komende kernmijlpalen", "Komende bijeenkomsten", "Genomen besluiten"));
        assertThat(draft.getList("sections[0].items"), contains(
                "Project " + subject + " ging van in uitvoering naar gerealiseerd: Live in all municipalities"));
        assertThat(draft.getList("sections[1].items"), contains("Mijlpaal ‘Pilot done’ van " + subject + " is behaald op "
                + dutch(start.plusDays(2)) + "."));
        assertThat(draft.getList("sections[2].items"), contains("Kernmijlpaal ‘Koppeling live’ van " + subject
                + " is niet gehaald (gepland op " + dutch(start.plusDays(1)) + ")."));
        assertThat(draft.getList("sections[3].items"), contains("Kernmijlpaal ‘Go-live wave 2’ van " + subject + " staat gepland op "
                + dutch(end.plusDays(10)) + "."));
        assertThat(draft.getList("sections[5].items"), contains("De stuurgroep heeft over " + subject
                + " besloten: één uniforme werkwijze voor alle gemeenten."));
        // Where we stand: this project in the status table with its key milestones (1 of 4 achieved so far).
        assertThat(draft.getInt("overview.projects"), greaterOrEqual(1));
        assertThat(draft.getList("overview.projectRows.name"), hasItem(subject));
        assertThat(draft.getString("overview.projectRows.find { it.name == '" + code + " – Veilig <script>alert(1)</script> & snel' }.statusLabel"),
                is("gerealiseerd"));
        assertThat(draft.getInt("overview.projectRows.find { it.name.startsWith('" + code + "') }.keyMilestones"), is(4));
        assertThat(draft.getInt("overview.projectRows.find { it.name.startsWith('" + code + "') }.keyMilestonesAchieved"), is(1));
        assertThat(draft.getList("overview.perStatus.label"), hasItem("gerealiseerd"));
        // Progress per municipality: by name, what each did in the period.
        assertThat(draft.getList("overview.municipalities.find { it.code == 'GM0610' }.activities"), hasItem(
                "Schoonhoven doet mee aan " + subject + " (in gebruik)."));
        assertThat(draft.getString("overview.municipalities.find { it.code == 'GM0610' }.name"), is("Schoonhoven"));
        assertThat(draft.getList("overview.municipalities.find { it.code == 'GM1931' }.activities"), hasItem(
                "Krimpenerwaard doet mee aan " + subject + " (in voorbereiding)."));
        assertThat(draft.getBoolean("metroMapIncluded"), is(false));
        String id = draft.getString("id");

        // Readable, self-contained HTML in Dutch with every section; content is escaped.
        String html = given().auth().oauth2(reader()).accept("text/html").when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).contentType(containsString("text/html")).header("Content-Language", "nl")
                .extract().asString();
        assertTrue(html.contains("<html lang=\"nl\">"), html);
        for (String section : List.of("where-we-stand", "metro-map", "highlights", "milestones-achieved", "milestones-missed",
                "upcoming-key-milestones", "upcoming-meetings", "decisions-taken", "progress-per-municipality")) {
            assertTrue(html.contains("<section id=\"" + section + "\">"), section);
        }
        for (String heading : List.of("Waar we staan", "De metrokaart", "Hoogtepunten", "Behaalde mijlpalen",
                "Niet gehaalde mijlpalen", "Komende kernmijlpalen", "Komende bijeenkomsten", "Genomen besluiten",
                "Voortgang per gemeente")) {
            assertTrue(html.contains("<h2>" + heading + "</h2>"), heading);
        }
        assertTrue(html.contains("<td>Schoonhoven</td>"), "the municipality table names the municipalities");
        assertTrue(html.contains("De metrokaart was bij het samenstellen van deze nieuwsbrief niet beschikbaar."),
                "no programme-service in these tests: the issue says the map is missing");
        assertTrue(html.contains("Veilig &lt;script&gt;alert(1)&lt;/script&gt; &amp; snel"), html);
        assertTrue(!html.contains("<script>") && !html.contains("src=\"http") && !html.contains("href=\"http"));
        assertTrue(html.contains("<style>") && html.contains("@media (max-width: 480px)"), "responsive");

        // The same period in English, on request.
        String englishHtml = given().auth().oauth2(manager()).contentType("application/json")
                .body(period(start, end, null).replace("}", ",\"language\":\"en\",\"introduction\":\"Dear colleagues,\"}"))
                .when().post("/api/v1/newsletters").then().statusCode(201)
                .body("language", equalTo("en")).body("introduction", equalTo("Dear colleagues,"))
                .body("sections[0].items[0]", equalTo("Project " + subject + " went from in progress to realised: Live in all municipalities"))
                .extract().path("id");
        given().auth().oauth2(reader()).accept("text/html").when().get("/api/v1/newsletters/" + englishHtml)
                .then().statusCode(200).header("Content-Language", "en")
                .body(containsString("<h2>Where we stand</h2>")).body(containsString("<h2>Progress per municipality</h2>"))
                .body(containsString("<p class=\"introduction\" id=\"introduction\">Dear colleagues,</p>"));

        // Edit the draft.
        String etag = given().auth().oauth2(manager()).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).extract().header("ETag");
        String edited = """
                {"title":"November <b>news</b>","introduction":"A good month.","sections":[
                  {"key":"realised-projects","heading":"Realised","items":["%s realised."]},
                  {"key":"extra","heading":"Also","items":[]}]}""".formatted(code);
        given().auth().oauth2(manager()).contentType("application/json").body(edited)
                .when().put("/api/v1/newsletters/" + id).then().statusCode(428);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"").body(edited)
                .when().put("/api/v1/newsletters/" + id).then().statusCode(412);
        etag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(edited)
                .when().put("/api/v1/newsletters/" + id)
                .then().statusCode(200)
                .body("title", equalTo("November <b>news</b>"))
                .body("introduction", equalTo("A good month."))
                .body("sections.key", contains("realised-projects", "extra"))
                .body("version", equalTo(1))
                .extract().header("ETag");
        // The edit answers the new ETag: the same one a read gives, and the client can publish with it directly.
        given().auth().oauth2(manager()).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).header("ETag", equalTo(etag));
        given().auth().oauth2(reader()).header("If-None-Match", etag).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(304);
        given().auth().oauth2(reader()).accept("text/html").when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).body(containsString("November &lt;b&gt;news&lt;/b&gt;"));

        // Publish: e-mailed to every subscribed address once, announced through the outbox, immutable afterwards.
        String reader1 = TestSubscriptions.address("reader");
        String reader2 = TestSubscriptions.address("reader");
        TestSubscriptions.subscribe(reader1, "staff", "everything", null, "weekly-digest");
        TestSubscriptions.subscribe(reader2, "secretary", "key-milestones", null, "per-event");
        String readerInEnglish = TestSubscriptions.address("reader-en");
        TestSubscriptions.subscribe(readerInEnglish, "staff", "everything", null, "weekly-digest", "en");
        given().auth().oauth2(TestTokens.withRoles("second-owner", Roles.SECRETARY)).contentType("application/json")
                .body(TestSubscriptions.body("Same address", reader1, "staff", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions").then().statusCode(201);

        given().auth().oauth2(manager()).when().post("/api/v1/newsletters/" + id + "/publication").then().statusCode(428);
        given().auth().oauth2(manager()).header("If-Match", "\"stale\"")
                .when().post("/api/v1/newsletters/" + id + "/publication")
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo(etag));
        given().auth().oauth2(reader()).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).body("status", equalTo("draft"));
        given().auth().oauth2(reader()).header("If-Match", etag)
                .when().post("/api/v1/newsletters/" + id + "/publication").then().statusCode(403);
        String published = given().auth().oauth2(manager()).header("If-Match", etag)
                .when().post("/api/v1/newsletters/" + id + "/publication")
                .then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue())
                .extract().header("ETag");
        String current = given().auth().oauth2(manager()).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).body("status", equalTo("published")).extract().header("ETag");
        assertEquals(current, published, "the publication answers the published newsletter's ETag");
        assertTrue(!current.equals(etag), "publishing changes the ETag");
        given().auth().oauth2(manager()).header("If-Match", current)
                .when().post("/api/v1/newsletters/" + id + "/publication")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", current).body(edited)
                .when().put("/api/v1/newsletters/" + id).then().statusCode(409);

        for (String address : List.of(reader1, reader2)) {
            List<MimeMessage> mails = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> Mails.to(address).stream().filter(m -> Mails.subject(m).contains("November")).toList(),
                    found -> !found.isEmpty());
            assertEquals(1, mails.size(), "one newsletter mail per address");
            assertThat(Mails.subject(mails.get(0)), containsString("[Metrokaart] November <b>news</b> (nr. "));
            String content = Mails.content(mails.get(0));
            assertThat(content, containsString("November &lt;b&gt;news&lt;/b&gt;"));
            assertThat(content, containsString(code + " realised."));
            assertThat(content, containsString("Waar we staan"));
            assertThat(content, containsString("Afmelden: https://metrokaart.test/api/v1/unsubscriptions?key="));
            assertTrue(mails.get(0).getHeader("List-Unsubscribe") != null, "List-Unsubscribe");
        }
        assertEquals(0, Mails.to(readerInEnglish).stream().filter(m -> Mails.subject(m).contains("November")).count(),
                "a Dutch issue goes to the Dutch-language subscribers");
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = kafka.read(CommunicationEvents.TOPIC, 1000, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
            assertEquals(1, mine.size());
            assertEquals(CommunicationEvents.NEWSLETTER_PUBLISHED,
                    KafkaTestClient.header(mine.get(0), "ce_type"));
            assertEquals("published", JsonPath.from(mine.get(0).value()).getString("status"));
            // A thin notification: the full newsletter is read at its dataref, not carried on Kafka.
            assertEquals("/api/v1/newsletters/" + id, KafkaTestClient.header(mine.get(0), "ce_dataref"));
            assertNull(JsonPath.from(mine.get(0).value()).get("sections"));
        }
    }

    @Test
    void numbersFollowTheSequenceAndTheListIsNewestFirst() {
        LocalDate start = freshPeriodStart();
        int first = create(start, start).jsonPath().getInt("number");
        int second = create(start, start.plusDays(1)).jsonPath().getInt("number");
        assertTrue(second > first);
        String cursor = given().auth().oauth2(reader()).queryParam("limit", 1).when().get("/api/v1/newsletters")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].number", greaterOrEqual(second))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        List<Integer> next = given().auth().oauth2(reader()).queryParam("limit", 100).queryParam("cursor", cursor)
                .when().get("/api/v1/newsletters").then().statusCode(200).extract().path("items.number");
        assertTrue(next.contains(first));
        for (int i = 1; i < next.size(); i++) {
            assertTrue(next.get(i - 1) > next.get(i), "newest first");
        }
        given().auth().oauth2(reader()).queryParam("cursor", "%%%").when().get("/api/v1/newsletters")
                .then().statusCode(400).body("invalidParams.name", hasItem("cursor"));
    }

    @Test
    void anUnchangedListIs304UntilANewsletterIsAdded() {
        String tag = given().auth().oauth2(reader()).queryParam("limit", 5).when().get("/api/v1/newsletters")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(reader()).queryParam("limit", 5).header("If-None-Match", tag)
                .when().get("/api/v1/newsletters").then().statusCode(304).body(equalTo(""));
        LocalDate start = freshPeriodStart();
        create(start, start);
        given().auth().oauth2(reader()).queryParam("limit", 5).header("If-None-Match", tag)
                .when().get("/api/v1/newsletters").then().statusCode(200).header("ETag", not(equalTo(tag)));
    }

    private static org.hamcrest.Matcher<Integer> greaterOrEqual(int value) {
        return org.hamcrest.Matchers.greaterThanOrEqualTo(value);
    }

    @Test
    void invalidRequestsAndRolesAreRefused() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body(period(LocalDate.of(2030, 2, 1), LocalDate.of(2030, 1, 31), null))
                .when().post("/api/v1/newsletters")
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams.name", hasItem("periodEnd"));
        given().auth().oauth2(manager()).contentType("application/json").body("{\"periodStart\":\"not a date\"}")
                .when().post("/api/v1/newsletters")
                .then().statusCode(400).body("invalidParams.name", hasItem("periodStart"));
        given().auth().oauth2(manager()).contentType("application/json").body("{\"title\":\"   \"}")
                .when().post("/api/v1/newsletters")
                .then().statusCode(400).body("invalidParams.name", hasItem("periodStart"))
                .body("invalidParams.name", hasItem("periodEnd")).body("invalidParams.name", hasItem("title"));
        for (String role : List.of(Roles.SECRETARY, Roles.MUNICIPALITY_COORDINATOR, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("r", role)).contentType("application/json")
                    .body(period(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31), null))
                    .when().post("/api/v1/newsletters").then().statusCode(403);
        }
        given().contentType("application/json").body(period(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31), null))
                .when().post("/api/v1/newsletters").then().statusCode(401);
        given().when().get("/api/v1/newsletters").then().statusCode(401);
        given().auth().oauth2(reader()).when().get("/api/v1/newsletters/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/newsletters/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"x\"")
                .body("{\"title\":\"t\",\"sections\":[]}")
                .when().put("/api/v1/newsletters/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", "\"x\"")
                .when().post("/api/v1/newsletters/" + UUID.randomUUID() + "/publication").then().statusCode(404);

        JsonPath draft = create(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31)).jsonPath();
        String id = draft.getString("id");
        String etag = given().auth().oauth2(manager()).when().get("/api/v1/newsletters/" + id).then().extract().header("ETag");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body("{\"title\":\"\",\"sections\":[{\"key\":\"Not Kebab\",\"heading\":\"\",\"items\":[\"\"]}]}")
                .when().put("/api/v1/newsletters/" + id)
                .then().statusCode(400).body("invalidParams.name", hasItem("title")).body("invalidParams.name", hasItem("key"))
                .body("invalidParams.name", hasItem("heading"));
        given().auth().oauth2(reader()).contentType("application/json").header("If-Match", etag)
                .body("{\"title\":\"t\",\"sections\":[]}")
                .when().put("/api/v1/newsletters/" + id).then().statusCode(403);
        given().auth().oauth2(manager()).when().get("/api/v1/newsletters/" + id)
                .then().statusCode(200).body("version", equalTo(0)).body("introduction", nullValue())
                .body("title", not(equalTo("t")));
    }

    @Test
    void idempotencyKeyReplaysTheFirstDraft() {
        String key = UUID.randomUUID().toString();
        LocalDate start = freshPeriodStart();
        String body = period(start, start.plusDays(6), "Week");
        String first = given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/newsletters").then().statusCode(201).body("title", equalTo("Week")).extract().path("id");
        given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/newsletters").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(manager()).contentType("application/json").header("Idempotency-Key", key)
                .body(period(start, start.plusDays(7), "Week"))
                .when().post("/api/v1/newsletters").then().statusCode(422);
    }
}
