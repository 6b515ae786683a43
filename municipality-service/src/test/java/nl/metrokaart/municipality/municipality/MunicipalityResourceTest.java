package nl.metrokaart.municipality.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import nl.metrokaart.infra.testing.TestTokens;
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
        List<String> names = given().auth().oauth2(reader(Roles.SECRETARY))
                .when().get("/api/v1/municipalities")
                .then().statusCode(200)
                .body("code", hasItem("GM0631"))
                .extract().path("name");
        assertTrue(names.indexOf("Aa Bergambacht") < names.indexOf("Mm Ouderkerk"), names.toString());
        assertTrue(names.indexOf("Mm Ouderkerk") < names.indexOf("Zz Nederlek"), names.toString());
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
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0670", "Lekkerkerk", 15000))
                .when().put(url).then().statusCode(200).body("inhabitants", equalTo(15000)).body("version", equalTo(1));
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0670", "Lekkerkerk", 16000))
                .when().put(url).then().statusCode(412);
        given().auth().oauth2(manager()).contentType("application/json").header("If-Match", etag)
                .body(body("GM0679", "Nowhere", 16000))
                .when().put("/api/v1/municipalities/GM0679").then().statusCode(404);
    }
}
