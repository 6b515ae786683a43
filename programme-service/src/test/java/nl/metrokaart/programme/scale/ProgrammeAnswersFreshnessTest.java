package nl.metrokaart.programme.scale;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.testing.RequestCost;
import nl.metrokaart.programme.Fixtures;
import nl.metrokaart.programme.PlanningFixtures;
import nl.metrokaart.programme.dependency.DependencyType;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The metro map (JSON, SVG) and the impact of a slip are kept per programme change (ProgrammeAnswers): a change of
 * any of their inputs after a kept read is seen by the very next read, with the ETag of exactly what it sends. The
 * changes are made through the API and, as another replica or any other writer would, in SQL beside the service.
 */
@QuarkusTest
class ProgrammeAnswersFreshnessTest {

    @Inject
    PlanningFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    private UUID programme;
    private UUID wion;
    private UUID durp;

    /** What a client got: the map as JSON with its ETag, as SVG, and the impact of WION slipping with its ETag. */
    private record Answers(String mapJson, String mapEtag, String svg, String impactJson, String impactEtag) {
    }

    @Test
    void everyChangeAfterAKeptReadIsSeenAtOnceWithItsExactEtag() throws SQLException {
        programme = fixtures.programme();
        wion = fixtures.project(programme, "WION", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 3, 31));
        durp = fixtures.project(programme, "DURP", LocalDate.of(2010, 4, 11), LocalDate.of(2010, 6, 30));
        fixtures.dependency(durp, wion, DependencyType.MUST_FINISH_BEFORE, 10);
        UUID milestone = fixtures.milestone(durp, "Bestemmingsplannen online", LocalDate.of(2010, 6, 1), null, true);

        Answers before = read();
        assertEquals(before, read(), "an unchanged programme gives the same answers, ETags included");
        // Kept, not computed again: a read runs only the change number's statement (and the impact the project's).
        assertEquals(1, RequestCost.of(sessionFactory.getStatistics(), () -> given().auth().oauth2(reader())
                .accept("image/svg+xml").when().get(mapPath()).then().statusCode(200)).statements());
        assertEquals(2, RequestCost.of(sessionFactory.getStatistics(), () -> given().auth().oauth2(reader())
                .queryParam("slipDays", 30).when().get("/api/v1/projects/" + wion + "/impact")
                .then().statusCode(200)).statements());
        assertTrue(before.impactJson().contains("Bestemmingsplannen online"), before.impactJson());

        // Through the API: a milestone renamed (its If-Match from a GET), a link added, a project renamed.
        String milestonePath = "/api/v1/projects/" + durp + "/milestones/" + milestone;
        String milestoneTag = given().auth().oauth2(Fixtures.manager()).when().get(milestonePath)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Fixtures.manager()).header("If-Match", milestoneTag).contentType("application/json")
                .body("""
                        {"title": "Plannen digitaal", "dueDate": "2010-06-01", "key": true}""")
                .when().put(milestonePath).then().statusCode(200);
        Answers renamed = changed(before, "Plannen digitaal");
        assertTrue(renamed.impactJson().contains("Plannen digitaal"), renamed.impactJson());

        UUID wabo = fixtures.project(programme, "WABO", LocalDate.of(2010, 7, 6), LocalDate.of(2010, 9, 30));
        Answers withWabo = changed(renamed, "WABO");
        given().auth().oauth2(Fixtures.manager()).contentType("application/json")
                .body("{\"predecessorId\": \"" + durp + "\", \"type\": \"must-finish-before\", \"lagDays\": 0}")
                .when().post("/api/v1/projects/" + wabo + "/dependencies").then().statusCode(201);
        Answers linked = changed(withWabo, null);
        assertTrue(linked.impactJson().contains(wabo.toString()), "WABO now moves with DURP: " + linked.impactJson());

        // In SQL, beside the service: each table the answers are made of, each kind of write.
        Answers last = linked;
        last = changedBySql(last, "UPDATE programme SET name = 'EGEM Lopik " + programme + "' WHERE id = '"
                + programme + "'", "EGEM Lopik");
        last = changedBySql(last, "UPDATE project SET name = 'Omgevingsvergunning' WHERE id = '" + wabo + "'",
                "Omgevingsvergunning");
        last = changedBySql(last, "UPDATE project SET planned_end_date = '2010-04-30' WHERE id = '" + wion + "'", null);
        assertTrue(last.impactJson().contains("2010-05-30"), "WION's new end, slipped: " + last.impactJson());
        last = changedBySql(last, "UPDATE milestone SET title = 'Plannen op ruimtelijkeplannen.nl' WHERE id = '"
                + milestone + "'", "Plannen op ruimtelijkeplannen.nl");
        String impactBefore = last.impactEtag();
        last = changedBySql(last, "UPDATE dependency SET lag_days = 20 WHERE project_id = '" + durp + "'", null);
        assertNotEquals(impactBefore, last.impactEtag(), "a longer lag moves DURP further: " + last.impactJson());
        last = changedBySql(last, "DELETE FROM dependency WHERE project_id = '" + wabo + "'", null);
        assertTrue(!last.impactJson().contains(wabo.toString()), "the link is gone: " + last.impactJson());
        last = changedBySql(last, "DELETE FROM milestone WHERE id = '" + milestone + "'", null);
        assertTrue(!last.mapJson().contains("Plannen op ruimtelijkeplannen.nl"), last.mapJson());
        assertTrue(!last.svg().contains("Plannen op ruimtelijkeplannen.nl"), last.svg());
        assertTrue(!last.impactJson().contains("Plannen op ruimtelijkeplannen.nl"), last.impactJson());
        last = changedBySql(last, "DELETE FROM project WHERE id = '" + wabo + "'", null);
        assertTrue(!last.svg().contains("Omgevingsvergunning"), last.svg());
    }

    private Answers changedBySql(Answers before, String statement, String nowShown) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, sql.executeUpdate(statement), statement);
        }
        return changed(before, nowShown);
    }

    /** The next read after a change: new map and impact bodies where they changed, each with its own exact ETag. */
    private Answers changed(Answers before, String nowShown) {
        Answers after = read();
        assertNotEquals(before.mapJson(), after.mapJson(), "the map shows the change at once");
        assertNotEquals(before.mapEtag(), after.mapEtag());
        if (nowShown != null) {
            assertTrue(after.mapJson().contains(nowShown), after.mapJson());
            assertTrue(after.svg().contains(nowShown), after.svg());
        }
        // The old ETag no longer matches: the client gets the new answer, not a 304.
        given().auth().oauth2(reader()).accept("application/json").header("If-None-Match", before.mapEtag())
                .when().get(mapPath()).then().statusCode(200);
        assertEquals(after, read(), "and then keeps it");
        return after;
    }

    private Answers read() {
        Response map = given().auth().oauth2(reader()).accept("application/json").when().get(mapPath())
                .then().statusCode(200).extract().response();
        String svg = given().auth().oauth2(reader()).accept("image/svg+xml").when().get(mapPath())
                .then().statusCode(200).extract().asString();
        Response impact = given().auth().oauth2(reader()).queryParam("slipDays", 30)
                .when().get("/api/v1/projects/" + wion + "/impact").then().statusCode(200).extract().response();
        assertEquals(tagOf(map.asByteArray()), map.header("ETag"), "the map's ETag is that of the bytes sent");
        assertEquals(tagOf(impact.asByteArray()), impact.header("ETag"), "the impact's ETag is that of the bytes sent");
        given().auth().oauth2(reader()).accept("application/json").header("If-None-Match", map.header("ETag"))
                .when().get(mapPath()).then().statusCode(304);
        return new Answers(map.asString(), map.header("ETag"), svg, impact.asString(), impact.header("ETag"));
    }

    private String mapPath() {
        return "/api/v1/programmes/" + programme + "/metro-map";
    }

    private static String reader() {
        return Fixtures.reader(Roles.SECRETARY);
    }

    /** The strong ETag the API documents: the first 32 characters of the bytes' SHA-256, base64url, quoted. */
    private static String tagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
