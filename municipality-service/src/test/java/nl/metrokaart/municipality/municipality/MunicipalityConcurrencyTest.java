package nl.metrokaart.municipality.municipality;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import nl.metrokaart.platform.testing.Concurrently;
import nl.metrokaart.municipality.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once: parallel creates of one natural key and parallel If-Match changes of one version of a
 * municipality, a participation and an allocation key. Exactly one wins, the rest get 409 or 412, never 5xx, and
 * the final state is the winner's.
 */
@QuarkusTest
class MunicipalityConcurrencyTest {

    private static final int WRITERS = 8;

    @Test
    void parallelCreatesOfOneCodeHaveOneWinner() {
        String code = "GM" + (7000 + (int) (Math.random() * 999));
        String token = admin();
        List<Integer> statuses = Concurrently.statuses(Concurrently.send(WRITERS, i -> given().auth().oauth2(token)
                .contentType("application/json")
                .body(Map.of("code", code, "name", "Writer " + i, "inhabitants", 1000 + i, "municipalSecretary", "A. de Graaf"))
                .when().post("/api/v1/municipalities")));
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + statuses);
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
    }

    @Test
    void parallelChangesOfOneMunicipalityVersionHaveOneWinner() {
        String code = "GM" + (8000 + (int) (Math.random() * 999));
        Fixtures.municipality(code, "Race");
        String path = "/api/v1/municipalities/" + code;
        oneWinner(path, i -> Map.of("code", code, "name", "Writer " + i, "inhabitants", 2000 + i, "municipalSecretary", "A. de Graaf"),
                "name");
    }

    @Test
    void parallelChangesOfOneParticipationVersionHaveOneWinner() {
        Fixtures.municipality("GM0610", "Schoonhoven");
        UUID projectId = Fixtures.project("RACE-P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Fixtures.participation("GM0610", projectId, true);
        String path = "/api/v1/municipalities/GM0610/participations/" + projectId;
        oneWinner(path, i -> Map.of("projectId", projectId.toString(), "participates", true, "localLead", "Writer " + i,
                "implementationStatus", "preparing"), "localLead");
    }

    @Test
    void parallelChangesOfOneAllocationKeyVersionHaveOneWinner() {
        UUID projectId = Fixtures.project("RACE-K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        String path = "/api/v1/allocation-keys/" + projectId;
        given().auth().oauth2(Fixtures.manager()).contentType("application/json").body("{\"method\": \"equal-share\"}")
                .when().put(path).then().statusCode(201);
        oneWinner(path, i -> Map.of("method", "weighted", "inhabitantsWeightPercent", 10 + i), "inhabitantsWeightPercent");
    }

    /** Sends WRITERS PUTs based on the current version at once: one 200, the rest 409/412, the final state the winner's. */
    private static void oneWinner(String path, IntFunction<Map<String, Object>> body, String field) {
        String token = admin();
        String etag = Fixtures.etag(path);
        List<Response> answers = Concurrently.send(WRITERS, i -> given().auth().oauth2(token).contentType("application/json")
                .header("If-Match", etag).body(body.apply(i)).when().put(path));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 412), "only 200, 409 and 412: " + statuses);
        assertEquals(1, Collections.frequency(statuses, 200), "exactly one change of this version wins: " + statuses);
        answers.stream().filter(a -> a.statusCode() != 200)
                .forEach(a -> assertEquals("application/problem+json", a.contentType(), a.asString()));
        int winner = statuses.indexOf(200);
        Response current = given().auth().oauth2(token).when().get(path);
        assertEquals(String.valueOf(body.apply(winner).get(field)), current.jsonPath().getString(field));
        assertEquals(answers.get(winner).header("ETag"), current.header("ETag"));
    }
}
