package nl.metrokaart.municipality.harmonisation;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.choice;
import static nl.metrokaart.municipality.Fixtures.decision;
import static nl.metrokaart.municipality.Fixtures.municipality;
import static nl.metrokaart.municipality.Fixtures.participation;
import static nl.metrokaart.municipality.Fixtures.project;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HarmonisationResourceTest {

    private static final String HARMONISATION = "/api/v1/harmonisation";

    @Test
    void perProjectTheDecisionInForceAndTheParticipantsChoices() {
        UUID programme = UUID.randomUUID();
        List.of("GM4001", "GM4002", "GM4003", "GM4004").forEach(code -> municipality(code, "Harmonisatie " + code));
        UUID alpha = project(programme, "ALPHA", "Alpha", new BigDecimal("1000.00"));
        UUID beta = project(programme, "BETA", "Beta", new BigDecimal("1000.00"));
        UUID gamma = project(programme, "GAMMA", "Gamma", new BigDecimal("1000.00"));
        // Alpha: three take part, two follow the uniform way, one keeps a variant; GM4004 chose but then withdrew.
        List.of("GM4001", "GM4002", "GM4003", "GM4004").forEach(code -> participation(code, alpha, true));
        String alphaDecision = decision(alpha, "variants-allowed", "2026-04-01");
        choice("GM4001", alpha, "uniform", null);
        choice("GM4002", alpha, "uniform", null);
        choice("GM4003", alpha, "variant", "Eigen");
        choice("GM4004", alpha, "variant", "Ook eigen");
        String path = "/api/v1/municipalities/GM4004/participations/" + alpha;
        given().auth().oauth2(admin()).contentType("application/json")
                .header("If-Match", nl.metrokaart.municipality.Fixtures.etag(path))
                .body(nl.metrokaart.municipality.Fixtures.participationBody(alpha, false, "X", "not-started"))
                .when().put(path).then().statusCode(200);
        // Beta: two take part, one chose uniform under a uniform decision, one has not chosen.
        List.of("GM4001", "GM4002").forEach(code -> participation(code, beta, true));
        String betaDecision = decision(beta, "uniform", "2026-05-01");
        choice("GM4001", beta, "uniform", null);
        // Gamma: nothing yet.

        JsonPath overview = given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("programmeId", programme.toString())
                .when().get(HARMONISATION)
                .then().statusCode(200).body("projects", hasSize(3))
                .body("projects.projectCode", equalTo(List.of("ALPHA", "BETA", "GAMMA")))
                .extract().jsonPath()
                // Shares are exact decimals with four places; read them as such, not as floats.
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(alpha.toString(), overview.getString("projects[0].projectId"));
        assertEquals("Alpha", overview.getString("projects[0].projectName"));
        assertEquals(alphaDecision, overview.getString("projects[0].decisionId"));
        assertEquals("variants-allowed", overview.getString("projects[0].decisionOutcome"));
        assertEquals(3, overview.getInt("projects[0].participatingMunicipalities"));
        assertEquals(2, overview.getInt("projects[0].followingUniform"));
        assertEquals(1, overview.getInt("projects[0].withOwnVariant"));
        assertEquals(0, overview.getInt("projects[0].withoutChoice"));
        assertEquals("0.6667", overview.getString("projects[0].uniformShare"));

        assertEquals(betaDecision, overview.getString("projects[1].decisionId"));
        assertEquals("uniform", overview.getString("projects[1].decisionOutcome"));
        assertEquals(2, overview.getInt("projects[1].participatingMunicipalities"));
        assertEquals(1, overview.getInt("projects[1].followingUniform"));
        assertEquals(0, overview.getInt("projects[1].withOwnVariant"));
        assertEquals(1, overview.getInt("projects[1].withoutChoice"));
        assertEquals("1.0000", overview.getString("projects[1].uniformShare"));

        assertNull(overview.get("projects[2].decisionId"));
        assertNull(overview.get("projects[2].decisionOutcome"));
        assertEquals(0, overview.getInt("projects[2].participatingMunicipalities"));
        assertNull(overview.get("projects[2].uniformShare"));

        // Programme-wide: 3 uniform of 4 choices.
        assertEquals("0.7500", overview.getString("uniformShare"));
    }

    @Test
    void readableByEveryRoleWithAnETag() {
        UUID programme = UUID.randomUUID();
        project(programme, "ETAG", "Etag", new BigDecimal("1.00"));
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).queryParam("programmeId", programme.toString()).when().get(HARMONISATION)
                    .then().statusCode(200).body("projects", hasSize(1)).body("uniformShare", equalTo(null));
        }
        String etag = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme.toString())
                .when().get(HARMONISATION).then().extract().header("ETag");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme.toString()).header("If-None-Match", etag)
                .when().get(HARMONISATION).then().statusCode(304);
        given().when().get(HARMONISATION).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", "x").when().get(HARMONISATION)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("programmeId"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).when().get(HARMONISATION).then().statusCode(200);
    }
}
