package nl.metrokaart.programme.dependency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.PlanningFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImpactResourceTest {

    @Inject
    PlanningFixtures fixtures;

    UUID wion;
    UUID durp;
    UUID wabo;
    UUID bag;
    UUID wionMilestone;
    UUID waboMilestone;

    /** WION → DURP (lag 10, no slack) → WABO (5 days slack); BAG is only influenced by WION. */
    @BeforeEach
    void planning() {
        UUID programme = fixtures.programme();
        wion = fixtures.project(programme, "WION", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 3, 31));
        durp = fixtures.project(programme, "DURP", LocalDate.of(2010, 4, 11), LocalDate.of(2010, 6, 30));
        wabo = fixtures.project(programme, "WABO", LocalDate.of(2010, 7, 6), LocalDate.of(2010, 9, 30));
        bag = fixtures.project(programme, "BAG", LocalDate.of(2010, 4, 1), LocalDate.of(2010, 5, 31));
        fixtures.dependency(durp, wion, DependencyType.MUST_FINISH_BEFORE, 10);
        fixtures.dependency(wabo, durp, DependencyType.MUST_FINISH_BEFORE, 0);
        fixtures.dependency(bag, wion, DependencyType.INFLUENCES, 0);
        wionMilestone = fixtures.milestone(wion, "Koppeling live", LocalDate.of(2010, 3, 15), null, true);
        fixtures.milestone(wion, "Start", LocalDate.of(2010, 1, 4), LocalDate.of(2010, 1, 4), false);
        waboMilestone = fixtures.milestone(wabo, "Omgevingsloket open", LocalDate.of(2010, 9, 1), null, true);
        fixtures.milestone(bag, "BAG gevuld", LocalDate.of(2010, 5, 1), null, true);
    }

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private String impact(UUID projectId) {
        return "/api/v1/projects/" + projectId + "/impact";
    }

    @Test
    void slipPropagatesOverMustFinishBeforeLinksOnly() {
        given().auth().oauth2(manager()).queryParam("slipDays", 20)
                .when().get(impact(wion))
                .then().statusCode(200)
                .body("projectId", equalTo(wion.toString()))
                .body("slipDays", equalTo(20))
                .body("projects.code", equalTo(List.of("WION", "DURP", "WABO")))
                .body("projects.shiftDays", equalTo(List.of(20, 20, 15)))
                .body("projects.newStartDate", equalTo(List.of("2010-01-01", "2010-05-01", "2010-07-21")))
                .body("projects.newEndDate", equalTo(List.of("2010-04-20", "2010-07-20", "2010-10-15")))
                .body("projects[1].projectId", equalTo(durp.toString()))
                // Achieved milestones and those of unmoved projects (BAG) stay put.
                .body("milestones.milestoneId", equalTo(List.of(wionMilestone.toString(), waboMilestone.toString())))
                .body("milestones.dueDate", equalTo(List.of("2010-03-15", "2010-09-01")))
                .body("milestones.newDueDate", equalTo(List.of("2010-04-04", "2010-09-16")))
                .body("milestones[1].projectId", equalTo(wabo.toString()))
                .body("milestones[1].title", equalTo("Omgevingsloket open"));
    }

    @Test
    void smallSlipIsAbsorbedBySlack() {
        // DURP has no slack, so it moves 3 days; WABO's 5 days of slack absorb them.
        given().auth().oauth2(TestTokens.withRoles("sec", Roles.SECRETARY)).queryParam("slipDays", 3)
                .when().get(impact(wion))
                .then().statusCode(200)
                .body("projects.code", equalTo(List.of("WION", "DURP")))
                .body("milestones.milestoneId", equalTo(List.of(wionMilestone.toString())));
        // The end of the chain moves alone.
        given().auth().oauth2(manager()).queryParam("slipDays", 1)
                .when().get(impact(wabo))
                .then().statusCode(200)
                .body("projects.code", equalTo(List.of("WABO")))
                .body("projects[0].newStartDate", equalTo("2010-07-06"))
                .body("projects[0].newEndDate", equalTo("2010-10-01"));
    }

    @Test
    void readableByEveryRoleWithEtag() {
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("reader", role)).queryParam("slipDays", 5)
                    .when().get(impact(wion)).then().statusCode(200);
        }
        String etag = given().auth().oauth2(manager()).queryParam("slipDays", 5)
                .when().get(impact(wion)).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(manager()).queryParam("slipDays", 5).header("If-None-Match", etag)
                .when().get(impact(wion)).then().statusCode(304);
    }

    @Test
    void invalidSlipDaysIs400WithInvalidParams() {
        for (String value : List.of("0", "3651", "-4", "ten", "2.5", "")) {
            given().auth().oauth2(manager()).queryParam("slipDays", value)
                    .when().get(impact(wion))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("invalidParams.name", hasItem("slipDays"))
                    .body("invalidParams.in", hasItem("query"));
        }
        given().auth().oauth2(manager())
                .when().get(impact(wion))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("slipDays"));
        given().auth().oauth2(manager()).queryParam("slipDays", 3650)
                .when().get(impact(wion)).then().statusCode(200);
    }

    @Test
    void withoutTokenIs401WithoutRoleIs403AndUnknownProjectIs404() {
        given().queryParam("slipDays", 5).when().get(impact(wion))
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("nobody")).queryParam("slipDays", 5).when().get(impact(wion))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(manager()).queryParam("slipDays", 5).when().get(impact(UUID.randomUUID()))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).queryParam("slipDays", 5).when().get("/api/v1/projects/not-a-uuid/impact")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
