package nl.metrokaart.municipality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.platform.security.Roles;

/** What the resource tests need in place: municipalities, projects in the read model, participations. */
public final class Fixtures {

    /** The five Krimpenerwaard municipalities of the demo (deploy/demo/municipalities.json), by CBS code. */
    public static final Map<String, String> KRIMPENERWAARD = Map.of(
            "GM0610", "Schoonhoven",
            "GM0491", "Bergambacht",
            "GM0643", "Nederlek",
            "GM0623", "Vlist",
            "GM0644", "Ouderkerk");

    private static final String PROGRAMME_TOPIC = "metrokaart.programme.projects";
    private static final String PROGRAMME_SOURCE = "urn:nld:metrokaart:systeem:programme-service";
    private static final UUID PROGRAMME_ID = UUID.nameUUIDFromBytes("fixtures-programme".getBytes(StandardCharsets.UTF_8));

    private Fixtures() {
    }

    public static String admin() {
        return TestTokens.withRoles("admin", Roles.ADMIN);
    }

    public static String manager() {
        return TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
    }

    public static String reader(String role) {
        return TestTokens.withRoles("reader-" + role, role);
    }

    /** Registers the municipality unless a test before already did (the database lives for the whole run). */
    public static void municipality(String code, String name) {
        municipality(code, name, 10000);
    }

    public static void municipality(String code, String name, int inhabitants) {
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", name, "inhabitants", inhabitants, "municipalSecretary", "A. de Graaf"))
                .when().post("/api/v1/municipalities")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    public static void krimpenerwaard() {
        KRIMPENERWAARD.forEach(Fixtures::municipality);
    }

    /**
     * A project as programme-service announces it: its project-created event goes through the real broker and
     * the consumer into the read model; returns once the project is there.
     */
    public static UUID project(String code) {
        return project(PROGRAMME_ID, code, "Project " + code, new BigDecimal("100000.00"));
    }

    public static UUID project(UUID programmeId, String code, String name, BigDecimal budget) {
        UUID id = UUID.randomUUID();
        announceProject("project-created", id, programmeId, code, name, budget, 0);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ProgrammeProject.findById(id) != null));
        return id;
    }

    /**
     * Sends programme-service's project event (e.g. {@code project-changed}) with the project as it is at
     * {@code version} through the real broker; the consumer applies it asynchronously.
     */
    public static void announceProject(String verb, UUID id, UUID programmeId, String code, String name, BigDecimal budget,
            long version) {
        String data = """
                {"id":"%s","programmeId":"%s","code":"%s","name":"%s","description":"d","line":"dienstverlening",
                 "priorityRank":1,"status":"planned","budget":%s,"owner":"o","version":%d,
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z"}"""
                .formatted(id, programmeId, code, name, budget.toPlainString(), version);
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            kafka.sendCloudEvent(PROGRAMME_TOPIC, id.toString(), UUID.randomUUID().toString(), PROGRAMME_SOURCE,
                    "nl.metrokaart.programme." + verb, "projects/" + id, data);
        }
    }

    /** Registers a participation (as an admin) and returns its ETag. */
    public static String participation(String municipalityCode, UUID projectId, boolean participates) {
        return given().auth().oauth2(admin()).contentType("application/json")
                .body(participationBody(projectId, participates, "J. de Vries", "preparing"))
                .when().post("/api/v1/municipalities/" + municipalityCode + "/participations")
                .then().statusCode(201).extract().header("ETag");
    }

    public static String participationBody(UUID projectId, boolean participates, String localLead, String status) {
        return """
                {"projectId": "%s", "participates": %s, "localLead": "%s", "implementationStatus": "%s",
                 "plannedGoLiveDate": "2027-03-01"}""".formatted(projectId, participates, localLead, status);
    }

    public static String decisionBody(UUID projectId, String outcome, String decidingBody, String municipalityCode, String decidedOn) {
        return """
                {"question": "One process for all?", "projectId": "%s", "options": ["one process", "own processes"],
                 "outcome": "%s", "decidingBody": "%s", "decidingMunicipalityCode": %s, "decidedOn": "%s",
                 "rationale": "Cheaper to run together."}"""
                .formatted(projectId, outcome, decidingBody, municipalityCode == null ? "null" : "\"" + municipalityCode + "\"", decidedOn);
    }

    /** Records a decision of the steering committee (as a programme manager) and returns its id. */
    public static String decision(UUID projectId, String outcome, String decidedOn) {
        return given().auth().oauth2(manager()).contentType("application/json")
                .body(decisionBody(projectId, outcome, "steering-committee", null, decidedOn))
                .when().post("/api/v1/decisions")
                .then().statusCode(201).extract().path("id");
    }

    public static String choiceBody(UUID projectId, String approach, String variantName) {
        return """
                {"projectId": "%s", "approach": "%s", "variantName": %s, "justification": "Fits our counter."}"""
                .formatted(projectId, approach, variantName == null ? "null" : "\"" + variantName + "\"");
    }

    /** Makes a variant choice (as an admin). */
    public static void choice(String municipalityCode, UUID projectId, String approach, String variantName) {
        given().auth().oauth2(admin()).contentType("application/json").body(choiceBody(projectId, approach, variantName))
                .when().post("/api/v1/municipalities/" + municipalityCode + "/variant-choices")
                .then().statusCode(201);
    }

    /** The current ETag of a resource, as an integrator reads it before a PUT. */
    public static String etag(String path) {
        return given().auth().oauth2(admin()).when().get(path).then().statusCode(200).extract().header("ETag");
    }
}
