package nl.metrokaart.programme;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;

/** Creates programmes and projects through the API, as a programme manager would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String manager() {
        return TestTokens.withRoles("petra", Roles.PROGRAMME_MANAGER);
    }

    public static String reader(String role) {
        return TestTokens.withRoles("reader-" + role, role);
    }

    public static UUID programme() {
        String id = given().auth().oauth2(manager()).contentType("application/json").body("""
                {"name": "EGEM test %s", "ambition": "One way of working.", "goals": [],
                 "startDate": "2009-01-01", "endDate": "2011-12-31", "programmeManager": "Petra de Vries",
                 "steeringCommittee": [],
                 "lines": [{"code": "key-registers", "name": "Key registers", "colour": "#E3001B"},
                           {"code": "services", "name": "Digital services", "colour": "#0063D3"}]}
                """.formatted(UUID.randomUUID()))
                .when().post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String projectBody(UUID programmeId, String code) {
        return """
                {"programmeId": "%s", "code": "%s", "name": "Project %s", "description": "Test project.",
                 "line": "key-registers", "plannedStartDate": "2009-03-01", "plannedEndDate": "2009-12-31",
                 "statutoryDeadline": "2010-01-01", "budget": 125000.50, "owner": "Jan Jansen"}
                """.formatted(programmeId, code, code);
    }

    public static UUID project(UUID programmeId, String code) {
        String id = given().auth().oauth2(manager()).contentType("application/json").body(projectBody(programmeId, code))
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void moveTo(UUID projectId, String... statuses) {
        for (String status : statuses) {
            given().auth().oauth2(manager()).contentType("application/json")
                    .body("{\"status\": \"" + status + "\", \"explanation\": \"Test.\"}")
                    .when().post("/api/v1/projects/" + projectId + "/status-changes")
                    .then().statusCode(201);
        }
    }
}
