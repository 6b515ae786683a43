package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import nl.metrokaart.platform.testing.MailMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run command's demo data, loaded through the gateway with real tokens: the Krimpenerwaard programme as
 * integrators, secretaries and front offices see it.
 */
@ExtendWith(RunningStack.class)
class DemoProgrammeEndToEndTest {

    private static String programmeId;
    private static String token;

    @BeforeAll
    static void findTheDemoProgramme() {
        Stack stack = RunningStack.stack();
        token = user("secretary-schoonhoven");
        List<Map<String, Object>> programmes = given().baseUri(stack.gateway().baseUrl()).auth().oauth2(token)
                .when().get("/api/v1/programmes").then().statusCode(200).extract().jsonPath().getList("");
        programmeId = (String) programmes.stream().filter(p -> "EGEM Krimpenerwaard".equals(p.get("name")))
                .findFirst().orElseThrow().get("id");
    }


    @Test
    void twelveProjectsByPriorityWithTheFourRealisedOnes() {
        Response projects = given().baseUri(gateway()).auth().oauth2(token)
                .queryParam("programmeId", programmeId).queryParam("limit", 100)
                .when().get("/api/v1/projects").then().statusCode(200)
                .body("items", hasSize(12))
                .body("items[0].code", equalTo("WION"))
                .extract().response();
        List<String> realised = projects.jsonPath().getList("items.findAll { it.status == 'realised' }.code");
        assertEquals(List.of("WION", "DURP", "GBA", "WABO"), realised);
    }

    @Test
    void theMetroMapIsAnSvgTransitMap() throws Exception {
        String svg = given().baseUri(gateway()).auth().oauth2(token).accept("image/svg+xml")
                .when().get("/api/v1/programmes/" + programmeId + "/metro-map")
                .then().statusCode(200).contentType(containsString("image/svg+xml"))
                .extract().asString();
        assertTrue(svg.contains("EGEM Krimpenerwaard"));
        assertEquals(4, svg.split("class=\"line\"", -1).length - 1, "one path per metro line");
        Path example = Path.of("target/metro-map-krimpenerwaard.svg");
        Files.writeString(example, svg);
    }

    @Test
    void theSecretariesPlanningIsACalendarFeed() throws Exception {
        given().baseUri(gateway()).auth().oauth2(token).accept("text/calendar")
                .when().get("/api/v1/programmes/" + programmeId + "/planning")
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("BEGIN:VCALENDAR"))
                .body(containsString("SUMMARY:DURP: Bestemmingsplannen digitaal beschikbaar (wettelijke datum)"));

        // A calendar client cannot send a bearer token: the secretary asks for a private address and subscribes to
        // that; it works through the gateway without a token until she revokes it.
        Response feed = given().baseUri(gateway()).auth().oauth2(token).contentType("application/json")
                .body(Map.of("programmeId", programmeId, "description", "Agenda gemeentesecretaris Schoonhoven"))
                .when().post("/api/v1/calendar-feeds").then().statusCode(201).extract().response();
        String calendarUrl = feed.path("calendarUrl");
        assertTrue(calendarUrl.startsWith(gateway() + "/api/v1/calendar-feeds/"), calendarUrl);
        given().when().get(calendarUrl)
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("SUMMARY:DURP: Bestemmingsplannen digitaal beschikbaar (wettelijke datum)"));
        String key = calendarUrl.substring(calendarUrl.indexOf("key=") + 4);
        // The poll's access-log line is written after its response: wait for it, then look for the key.
        String feedPath = "/api/v1/calendar-feeds/" + feed.path("id");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                Files.readString(RunningStack.stack().gateway().accessLog()).contains(feedPath + "/calendar?(query not logged)"));
        assertTrue(!Files.readString(RunningStack.stack().gateway().accessLog()).contains(key),
                "the gateway does not log the secret key");
        given().baseUri(gateway()).auth().oauth2(token).when().delete("/api/v1/calendar-feeds/" + feed.path("id"))
                .then().statusCode(204);
        given().when().get(calendarUrl).then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    /**
     * The demo's first newsletter, as the programme manager composes it right after the start: the overview, the
     * metro map, the demo's names. Written to target/demo-newsletter.html (the README's screenshot is taken of it).
     */
    @Test
    void theDemoNewsletterShowsWhereTheProgrammeStands() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        String manager = user("programme-manager");
        Response created = given().baseUri(gateway()).auth().oauth2(manager).contentType("application/json")
                .body(Map.of("periodStart", today.minusDays(6).toString(), "periodEnd", today.toString(),
                        "programmeId", programmeId, "title", "De Krimpenerwaard gaat digitaal",
                        "introduction", "Beste collega's, in deze eerste nieuwsbrief ziet u waar ons programma staat: vier "
                                + "wettelijke projecten zijn gerealiseerd, en de basisregistraties vragen nu onze aandacht."))
                .when().post("/api/v1/newsletters").then().statusCode(201)
                .body("metroMapIncluded", equalTo(true))
                .body("overview.projects", equalTo(12))
                .extract().response();
        assertEquals(4, (int) created.path("overview.perStatus.find { it.status == 'realised' }.count"));
        assertTrue(created.jsonPath().getList("overview.municipalities.name").containsAll(
                List.of("Schoonhoven", "Bergambacht", "Nederlek", "Vlist", "Ouderkerk")));
        assertEquals("Schoonhoven", created.path("overview.municipalities.find { it.code == 'GM0610' }.name"));
        String html = given().baseUri(gateway()).auth().oauth2(token).accept("text/html")
                .when().get("/api/v1/newsletters/" + created.path("id")).then().statusCode(200)
                .header("Content-Language", "nl").extract().asString();
        for (String shown : List.of("Waar we staan", "WION – Wet informatie-uitwisseling ondergrondse netten",
                "gerealiseerd", "<svg", "Voortgang per gemeente", "<td>Schoonhoven</td>", "Beste collega")) {
            assertTrue(html.contains(shown), shown);
        }
        assertTrue(!html.contains("WION WION") && !html.contains("GM0610"), "names, not codes");
        Files.writeString(Path.of("target/demo-newsletter.html"), html);
    }

    @Test
    void theFiveMunicipalitiesAndTheMeetingsAreThere() {
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities")
                .then().statusCode(200)
                .body("items.code", hasItems("GM0610", "GM0491", "GM0643", "GM0623", "GM0644"));
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/meetings")
                .then().statusCode(200)
                .body("items.title", hasItems("Stuurgroep: programmaplan en prioriteiten"));
    }

    @Test
    void theFiveSecretariesAreSubscribedAndInvitedToTheirMeeting() throws Exception {
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/subscriptions")
                .then().statusCode(200)
                .rootPath("items.find { it.email == 'secretary-schoonhoven@schoonhoven.example.nl' }")
                .body("name", equalTo("Marja Bos"))
                .body("municipalityCode", equalTo("GM0610"))
                .body("role", equalTo("secretary"))
                .body("follows", equalTo("key-milestones"))
                .body("delivery", equalTo("weekly-digest"));
        String invitation = "[Metrokaart] Uitnodiging: Gemeentesecretarissen: mijlpalenplanning 1 januari 2010";
        for (String municipality : List.of("schoonhoven", "bergambacht", "nederlek", "vlist", "ouderkerk")) {
            String secretary = "secretary-" + municipality + "@" + municipality + ".example.nl";
            await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(RunningStack.stack().smtp().receivedMessages())
                    .anyMatch(m -> MailMessages.recipients(m).contains(secretary)
                            && invitation.equals(MailMessages.subject(m))));
        }
        // The local mail folder tells the truth: each secretary's invitation is exactly one .eml file, in Dutch, with
        // local times and names, not codes.
        await().atMost(Duration.ofSeconds(30)).until(() -> invitationFiles(invitation).size() == 5);
        Map<String, List<jakarta.mail.internet.MimeMessage>> byRecipient = invitationFiles(invitation).stream()
                .collect(java.util.stream.Collectors.groupingBy(m -> MailMessages.recipients(m).get(0)));
        assertEquals(5, byRecipient.size(), "one file per secretary: " + byRecipient.keySet());
        String toMarja = MailMessages.content(byRecipient.get("secretary-schoonhoven@schoonhoven.example.nl").get(0));
        assertTrue(toMarja.contains("Beste Marja Bos,"), toMarja);
        assertTrue(toMarja.contains("Wanneer: donderdag 3 september 2009, 10:00–12:00"), toMarja);
        assertTrue(toMarja.contains("Waar: Gemeentehuis Bergambacht"), toMarja);
        assertTrue(toMarja.contains("(DURP – Digitale uitwisselbaarheid ruimtelijke plannen)"), toMarja);
        assertTrue(toMarja.contains("ATTENDEE"), "the invitation names its reader");
    }

    private static List<jakarta.mail.internet.MimeMessage> invitationFiles(String subject) throws java.io.IOException {
        try (var files = Files.list(RunningStack.MAIL_DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(MailMessages::read)
                    .filter(m -> subject.equals(MailMessages.subject(m))).toList();
        }
    }

    @Test
    void anIntegratorPollsTheChangesFeed() {
        String integrator = integrator();
        Response first = given().baseUri(gateway()).auth().oauth2(integrator)
                .queryParam("programmeId", programmeId).queryParam("changedSince", "0").queryParam("limit", 100)
                .when().get("/api/v1/projects").then().statusCode(200).body("items", hasSize(12)).extract().response();
        String etag = first.header("ETag");
        given().baseUri(gateway()).auth().oauth2(integrator).header("If-None-Match", etag)
                .queryParam("programmeId", programmeId).queryParam("changedSince", "0").queryParam("limit", 100)
                .when().get("/api/v1/projects").then().statusCode(304);
        given().baseUri(gateway()).auth().oauth2(integrator)
                .queryParam("programmeId", programmeId).queryParam("changedSince", first.path("nextCursor").toString())
                .when().get("/api/v1/projects").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theGovernanceSaysWhoWorksUniformlyAndWhoPaysWhat() {
        Map<String, String> projectIds = new java.util.HashMap<>();
        given().baseUri(gateway()).auth().oauth2(token).queryParam("programmeId", programmeId).queryParam("limit", 100)
                .when().get("/api/v1/projects").then().statusCode(200).extract().jsonPath()
                .getList("items", Map.class).forEach(p -> projectIds.put((String) p.get("code"), (String) p.get("id")));

        // PDC allows variants: Schoonhoven keeps its own e-forms, three follow the shared ones, Ouderkerk is out.
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/harmonisation").then().statusCode(200)
                .rootPath("projects.find { it.projectId == '%s' }".formatted(projectIds.get("PDC")))
                .body("decisionOutcome", equalTo("variants-allowed"))
                .body("participatingMunicipalities", equalTo(4))
                .body("followingUniform", equalTo(3))
                .body("withOwnVariant", equalTo(1));
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities/GM0610/variant-choices/" + projectIds.get("PDC"))
                .then().statusCode(200).body("approach", equalTo("variant"))
                .body("variantName", equalTo("E-formulieren Schoonhoven met lokale legestabellen"));

        // BAG is shared by inhabitants among all five, to the cent.
        Response bag = given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/cost-allocations/" + projectIds.get("BAG"))
                .then().statusCode(200).body("method", equalTo("by-inhabitants")).extract().response();
        assertEquals(34_000_000L, bag.jsonPath().getList("shares.amountCents", Long.class).stream().mapToLong(Long::longValue).sum());

        // The financial justification: the six projects with participants are allocated in full, the rest not yet.
        Response summary = given().baseUri(gateway()).auth().oauth2(token).queryParam("programmeId", programmeId)
                .when().get("/api/v1/financial-summary").then().statusCode(200)
                .body("projectCount", equalTo(12)).extract().response();
        assertEquals(134_500_000L, summary.jsonPath().getLong("allocatedCents"));
        assertEquals(summary.jsonPath().getLong("budgetCents"),
                summary.jsonPath().getLong("allocatedCents") + summary.jsonPath().getLong("unallocatedCents"));
        assertEquals(134_500_000L, summary.jsonPath().getList("municipalities.totalCents", Long.class).stream()
                .mapToLong(Long::longValue).sum());
    }
}
