package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.manager;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.municipality.BrokerRecords;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.platform.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationKeyResourceTest {

    private static String url(UUID projectId) {
        return "/api/v1/allocation-keys/" + projectId;
    }

    private static String key(String method, Integer percent) {
        return percent == null ? "{\"method\": \"%s\"}".formatted(method)
                : "{\"method\": \"%s\", \"inhabitantsWeightPercent\": %d}".formatted(method, percent);
    }

    @Test
    void aProjectWithoutAKeyIs404SayingItIsSharedEqually() {
        UUID projectId = Fixtures.project("KEY-NONE");
        given().header("Accept-Language", "en").auth().oauth2(reader(Roles.INTEGRATOR)).when().get(url(projectId))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("shared equally"));
    }

    @Test
    void anUnknownProjectIs404ForReadAndWrite() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(reader(Roles.SECRETARY)).when().get(url(unknown))
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(unknown.toString()));
        given().auth().oauth2(manager()).contentType("application/json").body(key("equal-share", null))
                .when().put(url(unknown))
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(unknown.toString()));
    }

    @Test
    void chooseThenReplaceUnderIfMatch() {
        UUID projectId = Fixtures.project("KEY-CHOOSE");
        String created = given().auth().oauth2(manager()).contentType("application/json").body(key("by-inhabitants", null))
                .when().put(url(projectId))
                .then().statusCode(201)
                .header("Location", endsWith(url(projectId)))
                .header("ETag", notNullValue())
                .body("projectId", equalTo(projectId.toString()))
                .body("projectCode", equalTo("KEY-CHOOSE"))
                .body("method", equalTo("by-inhabitants"))
                .body("inhabitantsWeightPercent", nullValue())
                .body("version", equalTo(0))
                .extract().header("ETag");

        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).when().get(url(projectId))
                    .then().statusCode(200).header("ETag", equalTo(created)).body("method", equalTo("by-inhabitants"));
        }
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", created).when().get(url(projectId))
                .then().statusCode(304);
        // A retried first choice (its 201 lost on the way) is safe: the same key without If-Match answers 200.
        given().auth().oauth2(manager()).contentType("application/json").body(key("by-inhabitants", null))
                .when().put(url(projectId))
                .then().statusCode(200).header("ETag", equalTo(created)).body("version", equalTo(0));

        given().auth().oauth2(manager()).contentType("application/json").body(key("weighted", 40))
                .when().put(url(projectId)).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"").body(key("weighted", 40))
                .when().put(url(projectId)).then().statusCode(412).contentType("application/problem+json");
        String replaced = given().auth().oauth2(TestTokens.withRoles("admin", Roles.ADMIN)).contentType("application/json")
                .header("If-Match", created).body(key("weighted", 40))
                .when().put(url(projectId))
                .then().statusCode(200)
                .body("method", equalTo("weighted"))
                .body("inhabitantsWeightPercent", equalTo(40))
                .body("version", equalTo(1))
                .extract().header("ETag");
        assertThat(Fixtures.etag(url(projectId)), is(replaced));
        // The old ETag is stale now.
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", created).body(key("equal-share", null))
                .when().put(url(projectId)).then().statusCode(412);
        // The same key again changes nothing.
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", replaced).body(key("weighted", 40))
                .when().put(url(projectId)).then().statusCode(200).body("version", equalTo(1)).header("ETag", equalTo(replaced));
    }

    @Test
    void ifMatchWhereThereIsNoKeyYetIs412AndCreatesNothing() {
        UUID projectId = Fixtures.project("KEY-NOMATCH");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "*").body(key("equal-share", null))
                .when().put(url(projectId)).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(manager()).when().get(url(projectId)).then().statusCode(404);
    }

    @Test
    void theWeightBelongsToWeightedOnlyAndStaysWithinZeroToHundred() {
        UUID projectId = Fixtures.project("KEY-INVALID");
        for (String body : List.of(key("weighted", null), key("equal-share", 50), key("by-inhabitants", 0),
                key("weighted", 101), key("weighted", -1))) {
            given().auth().oauth2(manager()).contentType("application/json").body(body)
                    .when().put(url(projectId))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams", hasSize(1))
                    .body("invalidParams[0].name", equalTo("inhabitantsWeightPercent"));
        }
        given().auth().oauth2(manager()).contentType("application/json").body("{\"method\": \"by-population\"}")
                .when().put(url(projectId))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("method"))
                .body("invalidParams[0].reason", containsString("equal-share"));
        given().auth().oauth2(manager()).contentType("application/json").body("{}")
                .when().put(url(projectId))
                .then().statusCode(400).body("invalidParams.name", hasItem("method"));
        given().auth().oauth2(manager()).contentType("application/json").body("{\"method\": ")
                .when().put(url(projectId))
                .then().statusCode(400).contentType("application/problem+json");
        // None of the refused requests chose a key.
        given().auth().oauth2(manager()).when().get(url(projectId)).then().statusCode(404);
        // The boundaries are allowed.
        given().auth().oauth2(manager()).contentType("application/json").body(key("weighted", 100))
                .when().put(url(projectId)).then().statusCode(201);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", Fixtures.etag(url(projectId)))
                .body(key("weighted", 0))
                .when().put(url(projectId)).then().statusCode(200).body("inhabitantsWeightPercent", equalTo(0));
    }

    @Test
    void onlyAdminsAndProgrammeManagersChooseKeys() {
        UUID projectId = Fixtures.project("KEY-ROLES");
        for (String role : List.of(Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).contentType("application/json").body(key("equal-share", null))
                    .when().put(url(projectId)).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").body(key("equal-share", null))
                .when().put(url(projectId)).then().statusCode(401).contentType("application/problem+json");
        given().when().get(url(projectId)).then().statusCode(401);
        given().when().get("/api/v1/allocation-keys").then().statusCode(401);
        given().auth().oauth2(manager()).when().get(url(projectId)).then().statusCode(404);
    }

    @Test
    void theListPagesWithACursor() {
        List<UUID> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID projectId = Fixtures.project("KEY-LIST-" + i);
            given().auth().oauth2(manager()).contentType("application/json").body(key("equal-share", null))
                    .when().put(url(projectId)).then().statusCode(201);
            chosen.add(projectId);
        }
        List<String> seen = CostFixtures.everyItems(CostFixtures.pages("/api/v1/allocation-keys", 2, Roles.INTEGRATOR), "projectId");
        chosen.forEach(id -> assertThat(seen, hasItem(id.toString())));
        assertThat(seen, is(seen.stream().sorted().toList()));
        assertThat(seen.size(), is(seen.stream().distinct().toList().size()));

        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("cursor", "not a cursor").when().get("/api/v1/allocation-keys")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("cursor"));
        for (String limit : List.of("0", "101", "many")) {
            given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("limit", limit).when().get("/api/v1/allocation-keys")
                    .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("limit"));
        }
    }

    @Test
    void choosingAKeyPublishesAllocationKeyChosen() throws Exception {
        UUID projectId = Fixtures.project("KEY-EVENT");
        given().auth().oauth2(manager()).contentType("application/json").body(key("weighted", 25))
                .when().put(url(projectId)).then().statusCode(201);
        ConsumerRecord<String, String> record = BrokerRecords.awaitRecord(MunicipalityEvents.PROJECTS_TOPIC, r ->
                projectId.toString().equals(r.key())
                        && MunicipalityEvents.ALLOCATION_KEY_CHOSEN.equals(BrokerRecords.header(r, "ce_type")));
        assertThat(BrokerRecords.header(record, "ce_subject"), is("allocation-keys/" + projectId));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertThat(data.get("projectId").asText(), is(projectId.toString()));
        assertThat(data.get("projectCode").asText(), is("KEY-EVENT"));
        assertThat(data.get("method").asText(), is("weighted"));
        assertThat(data.get("inhabitantsWeightPercent").asInt(), is(25));
        assertThat(data.size(), is(4));
    }
}
