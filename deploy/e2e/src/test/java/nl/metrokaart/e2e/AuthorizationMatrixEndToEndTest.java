package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static nl.metrokaart.e2e.RunningStack.keycloak;
import static nl.metrokaart.e2e.RunningStack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The declared authorization matrix ({@code authorization-matrix.txt}): every operation of every OpenAPI document,
 * sent through the gateway by every role with a real Keycloak token, by a coordinator of another municipality and
 * without a token, answers as the table says. An operation the table misses (or a row no document has) fails.
 */
@ExtendWith(RunningStack.class)
class AuthorizationMatrixEndToEndTest {

    private static final List<String> DOCUMENTS = List.of("programme-service", "municipality-service", "newsletter-service");
    private static final List<String> COLUMNS = List.of("admin", "programme-manager", "coordinator", "other coordinator",
            "secretary", "integrator", "no token");

    private static final String SUBSCRIPTION = """
            {"name": "Petra de Vries", "email": "matrix-%s@example.nl", "role": "programme-manager",
             "follows": "everything", "delivery": "weekly-digest"}""";

    record Row(String method, String path, List<String> expected) {
        String operation() {
            return method + " " + path;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationAnswersEveryRoleAsTheMatrixDeclares() throws IOException {
        Map<String, Row> matrix = matrix();
        Set<String> documented = new TreeSet<>();
        for (String document : DOCUMENTS) {
            Map<String, Map<String, Object>> paths = given().baseUri(gateway()).when().get("/openapi/" + document + ".json")
                    .then().statusCode(200).extract().jsonPath().getMap("paths");
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(method -> List.of("get", "post", "put", "patch", "delete").contains(method))
                    .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(matrix.keySet());
        Set<String> unknown = new TreeSet<>(matrix.keySet());
        unknown.removeAll(documented);
        assertTrue(missing.isEmpty(), "operations missing from authorization-matrix.txt: " + missing);
        assertTrue(unknown.isEmpty(), "rows for operations no OpenAPI document has: " + unknown);

        List<String> tokens = new ArrayList<>();
        tokens.add(keycloak().passwordGrant("swagger-ui", null, "admin", "admin"));
        tokens.add(user("programme-manager"));
        tokens.add(user("coordinator-schoonhoven"));
        tokens.add(user("coordinator-bergambacht"));
        tokens.add(user("secretary-schoonhoven"));
        tokens.add(integrator());
        tokens.add(null);
        Map<String, String> ids = ids(tokens.get(1));

        List<String> wrong = new ArrayList<>();
        // Deletes last, so that what they remove was there for every other operation.
        List<Row> rows = new ArrayList<>(matrix.values());
        rows.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
        for (Row row : rows) {
            // A delete is tried by those who may not first: what they are refused is still there.
            List<Integer> columns = new ArrayList<>(java.util.stream.IntStream.range(0, COLUMNS.size()).boxed().toList());
            if (row.method().equals("DELETE")) {
                java.util.Collections.reverse(columns);
            }
            for (int column : columns) {
                String expected = row.expected().get(column);
                Response answer = send(row, tokens.get(column), ids);
                int status = answer.statusCode();
                boolean ok = switch (expected) {
                    case "allow" -> status != 401 && status != 403 && status < 500;
                    default -> status == Integer.parseInt(expected)
                            && answer.contentType().startsWith("application/problem+json");
                };
                if (!ok) {
                    wrong.add(row.operation() + " as " + COLUMNS.get(column) + ": expected " + expected + ", got " + status
                            + " " + answer.asString().substring(0, Math.min(160, answer.asString().length())));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** One request of the matrix, repeated after the gateway's rate limit says when. */
    private static Response send(Row row, String token, Map<String, String> ids) {
        String path = "/api/v1" + row.path();
        String body = "{}";
        // A municipality's own changes are scoped after the body is read: a well-formed body about a project this
        // service does not know lets the scope decide (403 for another municipality's coordinator; 400, 404 or 428
        // for whoever may), and changes nothing.
        boolean scoped = row.path().contains("/participations") || row.path().contains("/variant-choices");
        if (row.operation().equals("PUT /subscriptions/{subscriptionId}")) {
            // Well-formed, so that whose subscription it is decides (404 for anyone else's), not the body.
            body = SUBSCRIPTION.formatted(UUID.randomUUID());
        }
        if (scoped) {
            String unknownProject = UUID.randomUUID().toString();
            path = path.replace("{projectId}", unknownProject);
            body = row.path().contains("/participations")
                    ? "{\"projectId\": \"" + unknownProject + "\", \"participates\": true, \"implementationStatus\": \"preparing\"}"
                    : "{\"projectId\": \"" + unknownProject + "\", \"approach\": \"uniform\"}";
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = given().baseUri(gateway()).urlEncodingEnabled(false);
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
                // Elsewhere an empty object: whoever may send it gets a 400 (or 428 without If-Match); nothing changes.
                request.contentType("application/json").body(body);
            }
            Response answer = request.when().request(row.method(), path);
            if (answer.statusCode() != 429 || attempt == 20) {
                return answer;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    /**
     * Ids of things that exist (from the demo), so that the reads reach them; the programme manager's own
     * subscription and calendar feed, which other users must not see. Deletes other than of these use made-up ids.
     */
    private static Map<String, String> ids(String manager) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("municipalityCode", "GM0610");
        String programmeId = given().baseUri(gateway()).auth().oauth2(manager).when().get("/api/v1/programmes")
                .then().statusCode(200).extract().jsonPath().getString("[0].id");
        ids.put("programmeId", programmeId);
        String projectId = given().baseUri(gateway()).auth().oauth2(manager).queryParam("programmeId", programmeId)
                .when().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        ids.put("projectId", projectId);
        ids.put("subscriptionId", created(manager, "/api/v1/subscriptions", SUBSCRIPTION.formatted(UUID.randomUUID())));
        ids.put("calendarFeedId", created(manager, "/api/v1/calendar-feeds", "{\"programmeId\": \"" + programmeId + "\"}"));
        return ids;
    }

    private static String created(String token, String collection, String body) {
        return given().baseUri(gateway()).auth().oauth2(token).contentType("application/json").body(body)
                .when().post(collection).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static Map<String, Row> matrix() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixEndToEndTest.class.getResourceAsStream("/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.trim().split("\\s+");
                assertEquals(2 + COLUMNS.size(), cells.length, "a method, a path and a cell per column: " + line);
                Row row = new Row(cells[0], cells[1], List.of(cells).subList(2, cells.length));
                assertTrue(rows.put(row.operation(), row) == null, "listed twice: " + row.operation());
            }
        }
        return rows;
    }
}
