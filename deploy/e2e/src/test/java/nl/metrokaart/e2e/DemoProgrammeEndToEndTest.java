package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
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
import nl.metrokaart.infra.testing.MailMessages;
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
    static void loadDemo() {
        Stack stack = RunningStack.stack();
        DemoData.load(stack, Stack.repositoryRoot().resolve("deploy/demo"));
        token = stack.keycloak().passwordGrant("swagger-ui", null, "secretary-schoonhoven", "demo");
        List<Map<String, Object>> programmes = given().baseUri(stack.gateway().baseUrl()).auth().oauth2(token)
                .when().get("/api/v1/programmes").then().statusCode(200).extract().jsonPath().getList("");
        programmeId = (String) programmes.stream().filter(p -> "EGEM Krimpenerwaard".equals(p.get("name")))
                .findFirst().orElseThrow().get("id");
    }

    private static String gateway() {
        return RunningStack.stack().gateway().baseUrl();
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
    void theSecretariesPlanningIsACalendarFeed() {
        given().baseUri(gateway()).auth().oauth2(token).accept("text/calendar")
                .when().get("/api/v1/programmes/" + programmeId + "/planning")
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("BEGIN:VCALENDAR"))
                .body(containsString("SUMMARY:DURP: Zoning plans available digitally (statutory date)"));
    }

    @Test
    void theFiveMunicipalitiesAndTheMeetingsAreThere() {
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities")
                .then().statusCode(200)
                .body("items.code", hasItems("GM0610", "GM0491", "GM0643", "GM0623", "GM0644"));
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/meetings")
                .then().statusCode(200)
                .body("items.title", hasItems("Steering committee: programme plan and priorities"));
    }

    @Test
    void theFiveSecretariesAreSubscribedAndInvitedToTheirMeeting() {
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/subscriptions")
                .then().statusCode(200)
                .rootPath("items.find { it.email == 'secretary-schoonhoven@schoonhoven.example.nl' }")
                .body("name", equalTo("Marja Bos"))
                .body("municipalityCode", equalTo("GM0610"))
                .body("role", equalTo("secretary"))
                .body("follows", equalTo("key-milestones"))
                .body("delivery", equalTo("weekly-digest"));
        String invitation = "[Metrokaart] Invitation: Municipal secretaries: milestone planning 1 January 2010";
        for (String municipality : List.of("schoonhoven", "bergambacht", "nederlek", "vlist", "ouderkerk")) {
            String secretary = "secretary-" + municipality + "@" + municipality + ".example.nl";
            await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(RunningStack.stack().smtp().receivedMessages())
                    .anyMatch(m -> MailMessages.recipients(m).contains(secretary)
                            && invitation.equals(MailMessages.subject(m))));
        }
    }

    @Test
    void anIntegratorPollsTheChangesFeed() {
        String integrator = RunningStack.stack().keycloak().clientCredentials("integrator-client", "integrator-secret");
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
}
