package nl.metrokaart.programme.project;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.Fixtures.manager;
import static nl.metrokaart.programme.Fixtures.programme;
import static nl.metrokaart.programme.Fixtures.project;
import static nl.metrokaart.programme.Fixtures.projectBody;
import static nl.metrokaart.programme.Fixtures.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    @Test
    void createProposesTheProjectWithTheLowestPriority() {
        UUID programme = programme();
        project(programme, "WION");
        given().auth().oauth2(manager()).contentType("application/json").body(projectBody(programme, "DURP"))
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/projects/"))
                .body("code", equalTo("DURP"))
                .body("status", equalTo("proposed"))
                .body("priorityRank", equalTo(2))
                .body("budget", equalTo(125000.50f))
                .body("statutoryDeadline", equalTo("2010-01-01"));
    }

    @Test
    void budgetStaysExactToTheCent() {
        UUID programme = programme();
        String body = projectBody(programme, "BAG").replace("125000.50", "0.10");
        String raw = given().auth().oauth2(manager()).contentType("application/json").body(body)
                .when().post("/api/v1/projects").then().statusCode(201).extract().asString();
        assertEquals(true, raw.contains("\"budget\":0.10"), raw);
        given().auth().oauth2(manager()).contentType("application/json").body(body.replace("0.10", "1.005").replace("BAG", "WOZ"))
                .when().post("/api/v1/projects")
                .then().statusCode(400).body("invalidParams.name", hasItem("budget"));
    }

    @Test
    void invalidInputIs400WithInvalidParams() {
        UUID programme = programme();
        given().auth().oauth2(manager()).contentType("application/json")
                .body(projectBody(programme, "lower case").replace("2009-12-31", "2008-01-01"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("code"))
                .body("invalidParams.name", hasItem("plannedEndDate"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(projectBody(programme, "NHR").replace("key-registers", "no-such-line"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("invalidParams[0].name", equalTo("line"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(projectBody(UUID.randomUUID(), "NHR"))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("invalidParams[0].name", equalTo("programmeId"));
        given().auth().oauth2(manager()).contentType("application/json")
                .body(projectBody(programme, "NHR").replace("125000.50", "\"lots\""))
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .body("invalidParams.name", hasItem("budget"));
    }

    @Test
    void aDuplicateCodeIs409AndChangesNothing() {
        UUID programme = programme();
        project(programme, "WABO");
        given().auth().oauth2(manager()).contentType("application/json").body(projectBody(programme, "WABO"))
                .when().post("/api/v1/projects")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("WABO"));
        given().auth().oauth2(manager()).queryParam("programmeId", programme)
                .when().get("/api/v1/projects")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void onlyManagersWrite() {
        UUID programme = programme();
        for (String role : List.of(Roles.SECRETARY, Roles.INTEGRATOR, Roles.MUNICIPALITY_COORDINATOR)) {
            given().auth().oauth2(reader(role)).contentType("application/json").body(projectBody(programme, "KCC"))
                    .when().post("/api/v1/projects")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").body(projectBody(programme, "KCC"))
                .when().post("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void unknownProjectIs404() {
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/projects/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listFiltersAndPagesWithACursor() {
        UUID programme = programme();
        for (String code : List.of("P1", "P2", "P3", "P4", "P5")) {
            project(programme, code);
        }
        List<String> codes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/projects").then().statusCode(200).extract().response();
            codes.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5"), codes);
        assertEquals(3, pages);

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme).queryParam("status", "proposed")
                .when().get("/api/v1/projects").then().statusCode(200).body("items", hasSize(5));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme).queryParam("line", "services")
                .when().get("/api/v1/projects").then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void badQueryParametersAre400() {
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("status", "busy")
                .when().get("/api/v1/projects").then().statusCode(400).body("invalidParams[0].name", equalTo("status"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("cursor", "%%%")
                .when().get("/api/v1/projects").then().statusCode(400).body("invalidParams[0].name", equalTo("cursor"));
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("limit", 0)
                .when().get("/api/v1/projects").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("changedSince", "bm9wZQ")
                .when().get("/api/v1/projects").then().statusCode(400).body("invalidParams[0].name", equalTo("changedSince"));
    }

    @Test
    void theChangesFeedShowsEveryChangeOnceInChangeOrder() {
        UUID programme = programme();
        UUID first = project(programme, "F1");
        UUID second = project(programme, "F2");
        Response all = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme)
                .queryParam("changedSince", "0").when().get("/api/v1/projects").then().statusCode(200).extract().response();
        assertEquals(List.of("F1", "F2"), all.path("items.code"));
        String cursor = all.path("nextCursor");

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme).queryParam("changedSince", cursor)
                .when().get("/api/v1/projects").then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", equalTo(cursor));

        nl.metrokaart.programme.Fixtures.moveTo(first, "planned");
        Response next = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme)
                .queryParam("changedSince", cursor).when().get("/api/v1/projects").then().statusCode(200)
                .body("items.code", contains("F1"))
                .body("items[0].status", equalTo("planned"))
                .extract().response();
        assertNotEquals(cursor, next.path("nextCursor"));
        assertEquals(second.toString(), all.path("items[1].id"));
    }

    @Test
    void etagGivesNotModifiedAndIfMatchGuardsUpdates() {
        UUID programme = programme();
        UUID id = project(programme, "EF");
        String etag = given().auth().oauth2(manager()).when().get("/api/v1/projects/" + id)
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().auth().oauth2(manager()).header("If-None-Match", etag).when().get("/api/v1/projects/" + id)
                .then().statusCode(304);
        String listTag = given().auth().oauth2(manager()).queryParam("programmeId", programme).when().get("/api/v1/projects")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(manager()).queryParam("programmeId", programme).header("If-None-Match", listTag)
                .when().get("/api/v1/projects").then().statusCode(304);

        String changed = projectBody(programme, "EF").replace("Jan Jansen", "Marja Bos");
        given().auth().oauth2(manager()).contentType("application/json").body(changed)
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"").body(changed)
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        String changedTag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(200).body("owner", equalTo("Marja Bos")).body("version", equalTo(1))
                .extract().header("ETag");
        // The answer's ETag is the one a read gives now.
        given().auth().oauth2(manager()).when().get("/api/v1/projects/" + id).then().header("ETag", equalTo(changedTag));
        // The old tag is stale now: a second writer with it loses, and nothing changes.
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(changed.replace("Marja Bos", "Someone Else"))
                .when().put("/api/v1/projects/" + id)
                .then().statusCode(412);
        given().auth().oauth2(manager()).when().get("/api/v1/projects/" + id).then().body("owner", equalTo("Marja Bos"));
        given().auth().oauth2(manager()).header("If-None-Match", etag).when().get("/api/v1/projects/" + id)
                .then().statusCode(200);
    }

    @Test
    void aGetSendsTheJsonItsEtagWasComputedFrom() throws Exception {
        UUID programme = programme();
        UUID id = project(programme, "GBA");
        Response read = given().auth().oauth2(reader(Roles.INTEGRATOR)).when().get("/api/v1/projects/" + id)
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("id", equalTo(id.toString())).body("code", equalTo("GBA")).body("budget", equalTo(125000.50f))
                .extract().response();
        // Serialised once (ConditionalGet): the tag is the SHA-256 of exactly the bytes received, for one project
        // and for a page of the changes feed alike.
        assertEquals(tagOf(read.asByteArray()), read.header("ETag"));
        Response page = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("programmeId", programme)
                .queryParam("changedSince", "0").when().get("/api/v1/projects")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("items.code", contains("GBA")).extract().response();
        assertEquals(tagOf(page.asByteArray()), page.header("ETag"));
    }

    private static String tagOf(byte[] body) throws java.security.NoSuchAlgorithmException {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        return "\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32) + "\"";
    }

    @Test
    void idempotencyKeyCreatesOnceAndReplaysTheAnswer() {
        UUID programme = programme();
        String key = "create-" + UUID.randomUUID();
        Response first = given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "IDEM")).when().post("/api/v1/projects")
                .then().statusCode(201).extract().response();
        Response again = given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "IDEM")).when().post("/api/v1/projects")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().response();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals((String) first.path("id"), again.path("id"));
        given().auth().oauth2(manager()).queryParam("programmeId", programme).when().get("/api/v1/projects")
                .then().body("items", hasSize(1));
        given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "OTHER")).when().post("/api/v1/projects")
                .then().statusCode(422).contentType("application/problem+json");
        // Only the end date differs: still another request.
        given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "IDEM").replace("2009-12-31", "2009-11-30")).when().post("/api/v1/projects")
                .then().statusCode(422);
    }

    @Test
    void aFailedRequestWithAKeyCanBeRetried() {
        UUID programme = programme();
        String key = "retry-" + UUID.randomUUID();
        given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "RT").replace("key-registers", "nope")).when().post("/api/v1/projects")
                .then().statusCode(400);
        given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body(projectBody(programme, "RT")).when().post("/api/v1/projects")
                .then().statusCode(201);
    }
}
