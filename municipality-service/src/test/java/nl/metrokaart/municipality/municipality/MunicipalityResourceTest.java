package nl.metrokaart.municipality.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.municipality.BrokerRecords;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Each test uses its own CBS codes: the database is shared by all tests of one run. */
@QuarkusTest
class MunicipalityResourceTest {

    private static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    private static String reader(String role) {
        return TestTokens.withRoles("reader-" + role, role);
    }

    private static String body(String code, String name, int inhabitants) {
        return """
                {"code": "%s", "name": "%s", "inhabitants": %d, "municipalSecretary": "A. de Graaf",
                 "realisationPlanReference": "RP-2009-%s"}
                """.formatted(code, name, inhabitants, code);
    }

    private static void create(String code, String name) {
        given().auth().oauth2(manager()).contentType("application/json").body(body(code, name, 10000))
                .when().post("/api/v1/municipalities")
                .then().statusCode(201);
    }

    @Test
    void createThenReadBack() {
        given().auth().oauth2(manager()).contentType("application/json").body(body("GM0612", "Schoonhoven", 12000))
                .when().post("/api/v1/municipalities")
                .then().statusCode(201)
                .header("API-Version", "1.0.0")
                .header("Location", containsString("/api/v1/municipalities/GM0612"))
                .body("code", equalTo("GM0612"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());

        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role))
                    .when().get("/api/v1/municipalities/GM0612")
                    .then().statusCode(200)
                    .body("code", equalTo("GM0612"))
                    .body("name", equalTo("Schoonhoven"))
                    .body("inhabitants", equalTo(12000))
                    .body("municipalSecretary", equalTo("A. de Graaf"))
                    .body("realisationPlanReference", equalTo("RP-2009-GM0612"));
        }
    }

    @Test
    void realisationPlanReferenceIsOptional() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"code\": \"GM0620\", \"name\": \"Vlist\", \"inhabitants\": 9800, \"municipalSecretary\": \"B. Smit\"}")
                .when().post("/api/v1/municipalities")
                .then().statusCode(201)
                .body("realisationPlanReference", nullValue());
    }

    @Test
    void listIsOrderedByName() {
        create("GM0630", "Zz Nederlek");
        create("GM0631", "Aa Bergambacht");
        create("GM0632", "Mm Ouderkerk");
        List<String> names = allPages(reader(Roles.SECRETARY), 100).stream().map(m -> m.get("name")).toList();
        assertTrue(names.indexOf("Aa Bergambacht") >= 0, names.toString());
        assertTrue(names.indexOf("Aa Bergambacht") < names.indexOf("Mm Ouderkerk"), names.toString());
        assertTrue(names.indexOf("Mm Ouderkerk") < names.indexOf("Zz Nederlek"), names.toString());
    }

    /** All 342 Dutch municipalities fit: paging through them gives each once, in name order, whatever the page size. */
    @Test
    void theListPagesThroughAllMunicipalitiesOnceEach() {
        for (int i = 0; i < 342; i++) {
            // Names repeat (every 50), so the order needs the code as tie breaker to be total.
            String code = "GM%04d".formatted(7000 + i);
            given().auth().oauth2(manager()).contentType("application/json").body(body(code, "Paging " + (i % 50), 1000 + i))
                    .when().post("/api/v1/municipalities").then().statusCode(anyOf(is(201), is(409)));
        }
        List<Map<String, String>> byPagesOf7 = allPages(reader(Roles.INTEGRATOR), 7);
        List<Map<String, String>> byPagesOf100 = allPages(reader(Roles.INTEGRATOR), 100);
        assertEquals(byPagesOf100, byPagesOf7);
        List<String> codes = byPagesOf100.stream().map(m -> m.get("code")).toList();
        assertEquals(codes.size(), Set.copyOf(codes).size(), "no municipality twice");
        assertTrue(codes.containsAll(java.util.stream.IntStream.range(0, 342).mapToObj(i -> "GM%04d".formatted(7000 + i)).toList()));
        List<Map<String, String>> paging = byPagesOf100.stream().filter(m -> m.get("name").startsWith("Paging ")).toList();
        List<Map<String, String>> sorted = paging.stream().sorted(java.util.Comparator.<Map<String, String>, String>comparing(m -> m.get("name"))
                .thenComparing(m -> m.get("code"))).toList();
        assertEquals(sorted, paging);

        String etag = given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("limit", 5)
                .when().get("/api/v1/municipalities").then().statusCode(200).body("items", hasSize(5))
                .extract().header("ETag");
        given().auth().oauth2(reader(Roles.INTEGRATOR)).queryParam("limit", 5).header("If-None-Match", etag)
                .when().get("/api/v1/municipalities").then().statusCode(304);
    }

    @Test
    void badPagingParametersAre400() {
        for (String limit : List.of("0", "101", "many")) {
            given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("limit", limit)
                    .when().get("/api/v1/municipalities")
                    .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("limit"));
        }
        for (String cursor : List.of("!!", "bm90IGpzb24", "WyJvbmx5IG9uZSJd")) {
            given().auth().oauth2(reader(Roles.SECRETARY)).queryParam("cursor", cursor)
                    .when().get("/api/v1/municipalities")
                    .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("cursor"));
        }
    }

    @Test
    void aSingleMunicipalityHasAnETagForIfNoneMatch() {
        create("GM0680", "Krimpen");
        String etag = given().auth().oauth2(reader(Roles.SECRETARY)).when().get("/api/v1/municipalities/GM0680")
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", etag)
                .when().get("/api/v1/municipalities/GM0680").then().statusCode(304);
        given().auth().oauth2(reader(Roles.SECRETARY)).header("If-None-Match", "\"other\"")
                .when().get("/api/v1/municipalities/GM0680").then().statusCode(200);
    }

    private static List<Map<String, String>> allPages(String token, int limit) {
        List<Map<String, String>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/municipalities").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= limit);
            items.forEach(m -> all.add(Map.of("code", (String) m.get("code"), "name", (String) m.get("name"))));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void unknownCodeIs404() {
        given().auth().oauth2(reader(Roles.INTEGRATOR))
                .when().get("/api/v1/municipalities/GM9999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("GM9999"));
    }

    @Test
    void codeOutsideTheCbsPatternIs400NamingCode() {
        for (String code : List.of("0610", "gm0610", "GM610", "GM06100")) {
            given().auth().oauth2(manager()).contentType("application/json").body(body(code, "Schoonhoven", 12000))
                    .when().post("/api/v1/municipalities")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams", hasSize(1))
                    .body("invalidParams.name", hasItem("code"));
        }
    }

    @Test
    void inhabitantsMustBePositive() {
        for (int inhabitants : new int[] {-5, 0}) {
            given().auth().oauth2(manager()).contentType("application/json").body(body("GM0640", "Bergambacht", inhabitants))
                    .when().post("/api/v1/municipalities")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams.name", hasItem("inhabitants"));
        }
        given().auth().oauth2(manager()).when().get("/api/v1/municipalities/GM0640").then().statusCode(404);
    }

    @Test
    void missingFieldsAre400WithInvalidParams() {
        given().auth().oauth2(manager()).contentType("application/json").body("{\"code\": \"GM0641\"}")
                .when().post("/api/v1/municipalities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("name"))
                .body("invalidParams.name", hasItem("inhabitants"))
                .body("invalidParams.name", hasItem("municipalSecretary"));
    }

    @Test
    void aDuplicateCodeIs409AndChangesNothing() {
        create("GM0650", "Ouderkerk");
        given().auth().oauth2(manager()).contentType("application/json").body(body("GM0650", "Another name", 1))
                .when().post("/api/v1/municipalities")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("GM0650"));
        given().auth().oauth2(manager()).when().get("/api/v1/municipalities/GM0650")
                .then().statusCode(200).body("name", equalTo("Ouderkerk"));
    }

    @Test
    void onlyAdminsAndManagersCreate() {
        for (String role : List.of(Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(reader(role)).contentType("application/json").body(body("GM0660", "Nederlek", 14000))
                    .when().post("/api/v1/municipalities")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.coordinator("coord", "GM0660")).contentType("application/json")
                .body(body("GM0660", "Nederlek", 14000))
                .when().post("/api/v1/municipalities")
                .then().statusCode(403);
        given().auth().oauth2(reader(Roles.ADMIN)).when().get("/api/v1/municipalities/GM0660").then().statusCode(404);

        given().auth().oauth2(reader(Roles.ADMIN)).contentType("application/json").body(body("GM0660", "Nederlek", 14000))
                .when().post("/api/v1/municipalities")
                .then().statusCode(201);
    }

    @Test
    void replaceNeedsIfMatchAndTheCurrentETag() {
        create("GM0670", "Lekkerkerk");
        String url = "/api/v1/municipalities/GM0670";
        given().auth().oauth2(manager()).contentType("application/json").body(body("GM0670", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(428);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", "\"stale\"")
                .body(body("GM0670", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(412);
        String etag = given().auth().oauth2(manager()).when().get(url).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0671", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(400).body("invalidParams[0].name", equalTo("code"));
        given().auth().oauth2(reader(Roles.SECRETARY)).contentType("application/json").header("If-Match", etag)
                .body(body("GM0670", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(403);
        String newEtag = given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0670", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(200).body("inhabitants", equalTo(15000)).body("version", equalTo(1))
                .extract().header("ETag");
        // The ETag of the answer is the one a GET now gives: the next change needs no extra read.
        given().auth().oauth2(manager()).when().get(url).then().statusCode(200).header("ETag", equalTo(newEtag));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0670", "Lekkerkerk", 16000))
                .when().put(url).then().statusCode(412);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", newEtag)
                .body(body("GM0670", "Lekkerkerk", 16000))
                .when().put(url).then().statusCode(200).body("inhabitants", equalTo(16000));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0679", "Nowhere", 16000))
                .when().put("/api/v1/municipalities/GM0679").then().statusCode(404);
    }

    /** Other services learn names and secretaries from these events, keyed by the CBS code. */
    @Test
    void registrationAndChangeArePublishedWithNameAndSecretary() throws Exception {
        create("GM0690", "Bergambacht");
        String url = "/api/v1/municipalities/GM0690";
        String etag = given().auth().oauth2(manager()).when().get(url).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0690", "Bergambacht", 9000).replace("A. de Graaf", "Jan Verbeek"))
                .when().put(url).then().statusCode(200);

        ConsumerRecord<String, String> registered = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> "GM0690".equals(r.key()) && MunicipalityEvents.MUNICIPALITY_REGISTERED.equals(BrokerRecords.header(r, "ce_type")));
        JsonNode data = new ObjectMapper().readTree(registered.value());
        assertEquals("Bergambacht", data.path("name").asText());
        assertEquals("A. de Graaf", data.path("municipalSecretary").asText());
        assertEquals("municipalities/GM0690", BrokerRecords.header(registered, "ce_subject"));
        ConsumerRecord<String, String> changed = BrokerRecords.awaitRecord(MunicipalityEvents.MUNICIPALITIES_TOPIC,
                r -> "GM0690".equals(r.key()) && MunicipalityEvents.MUNICIPALITY_CHANGED.equals(BrokerRecords.header(r, "ce_type")));
        JsonNode changedData = new ObjectMapper().readTree(changed.value());
        assertEquals("Jan Verbeek", changedData.path("municipalSecretary").asText());
        assertEquals(1, changedData.path("version").asInt());
    }
}
