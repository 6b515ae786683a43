package nl.metrokaart.programme.project;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.Fixtures.manager;
import static nl.metrokaart.programme.Fixtures.programme;
import static nl.metrokaart.programme.Fixtures.project;
import static nl.metrokaart.programme.Fixtures.projectBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.metrokaart.platform.testing.Concurrently;
import org.junit.jupiter.api.Test;

/** Many writers at once: every create and change ends in 2xx, 409 or 412, never 5xx, and nothing is lost. */
@QuarkusTest
class ProjectConcurrencyTest {

    @Test
    void parallelCreatesWithEqualAndDifferentCodesAllSucceedOrConflict() {
        UUID programmeId = programme();
        String token = manager();
        // 8 with the same code, 8 with codes of their own, all at once in one programme.
        List<Response> answers = Concurrently.send(16, i -> given().auth().oauth2(token).contentType("application/json")
                .body(projectBody(programmeId, i < 8 ? "SAME" : "OWN-" + i))
                .when().post("/api/v1/projects"));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + statuses);
        assertEquals(1, Collections.frequency(statuses.subList(0, 8), 201), "one of the equal codes wins: " + statuses);
        assertEquals(Collections.nCopies(8, 201), statuses.subList(8, 16), "every own code is created: " + statuses);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> {
            assertEquals("application/problem+json", a.contentType());
            assertEquals(List.of("code"), a.jsonPath().getList("invalidParams.name"));
        });
        // Ranks stay unique and without gaps: 1..9.
        List<Integer> ranks = given().auth().oauth2(token).queryParam("programmeId", programmeId).queryParam("limit", 100)
                .when().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("items.priorityRank", Integer.class);
        assertEquals(IntStream.rangeClosed(1, 9).boxed().toList(), ranks.stream().sorted().toList());
    }

    @Test
    void parallelChangesOfOneVersionHaveExactlyOneWinner() {
        UUID programmeId = programme();
        UUID projectId = project(programmeId, "RACE");
        String token = manager();
        String etag = given().auth().oauth2(token).when().get("/api/v1/projects/" + projectId).then().statusCode(200)
                .extract().header("ETag");
        List<Response> answers = Concurrently.send(8, i -> given().auth().oauth2(token).contentType("application/json")
                .header("If-Match", etag)
                .body(projectBody(programmeId, "RACE").replace("\"Project RACE\"", "\"Writer " + i + "\""))
                .when().put("/api/v1/projects/" + projectId));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 412 || s == 409), "only 200, 409 and 412: " + statuses);
        assertEquals(1, Collections.frequency(statuses, 200), "exactly one change of this version wins: " + statuses);
        int winner = statuses.indexOf(200);
        // The final state is the winner's change, as if the writers had come one after another.
        given().auth().oauth2(token).when().get("/api/v1/projects/" + projectId).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Writer " + winner))
                .header("ETag", answers.get(winner).header("ETag"));
    }
}
