package nl.metrokaart.programme.dependency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.testing.Concurrently;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.programme.PlanningFixtures;
import org.junit.jupiter.api.Test;

/** Links sent at once that together would close a cycle: each is checked against the others, none slips in. */
@QuarkusTest
class DependencyConcurrencyTest {

    private static final int RING = 8;

    @Inject
    PlanningFixtures fixtures;

    @Test
    void linksThatTogetherCloseARingLeaveExactlyOneRefused() {
        UUID programmeId = fixtures.programme();
        List<UUID> ring = new ArrayList<>();
        for (int i = 0; i < RING; i++) {
            ring.add(fixtures.project(programmeId, "RING-" + i, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1)));
        }
        String token = TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
        // Project i must finish after project i-1, and project 0 after the last: any seven are a chain, all eight a cycle.
        List<Response> answers = Concurrently.send(RING, i -> given().auth().oauth2(token).contentType("application/json")
                .body("{\"predecessorId\": \"" + ring.get((i + RING - 1) % RING) + "\", \"type\": \"must-finish-before\"}")
                .when().post("/api/v1/projects/" + ring.get(i) + "/dependencies"));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + statuses);
        assertEquals(1, Collections.frequency(statuses, 409), "the link that would close the ring is refused: " + statuses);
        Response refused = answers.get(statuses.indexOf(409));
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(RING + 1, refused.jsonPath().getList("cycle").size(), "the whole ring is named: " + refused.asString());
        assertEquals(RING - 1, ring.stream().mapToLong(fixtures::dependencyCount).sum());
    }
}
