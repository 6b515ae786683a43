package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.manager;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.platform.outbox.OutboxEvent;
import nl.metrokaart.platform.security.Roles;

/** Reading cost allocations and arranging what they depend on (keys, participations), for the cost tests. */
final class CostFixtures {

    private CostFixtures() {
    }

    /** A project's cost allocation as an integrator reads it; asserts that the shares add up to the budget. */
    static JsonPath allocation(UUID projectId) {
        JsonPath allocation = given().auth().oauth2(reader(Roles.INTEGRATOR))
                .when().get("/api/v1/cost-allocations/" + projectId)
                .then().statusCode(200).extract().jsonPath();
        long paid = allocation.<Number>getList("shares.amountCents").stream().mapToLong(Number::longValue).sum();
        assertThat(paid + allocation.getLong("unallocatedCents"), is(allocation.getLong("budgetCents")));
        return allocation;
    }

    /** What each of the given municipalities pays for the project. */
    static Map<String, Long> amounts(UUID projectId, String... codes) {
        List<Map<String, Object>> shares = allocation(projectId).getList("shares");
        Map<String, Long> amounts = new TreeMap<>();
        for (String code : codes) {
            Map<String, Object> share = shares.stream().filter(s -> code.equals(s.get("municipalityCode"))).findFirst()
                    .orElseThrow(() -> new AssertionError(code + " is not in the allocation of " + projectId));
            amounts.put(code, ((Number) share.get("amountCents")).longValue());
        }
        return amounts;
    }

    static void chooseKey(UUID projectId, String body) {
        String url = "/api/v1/allocation-keys/" + projectId;
        int existing = given().auth().oauth2(manager()).when().get(url).then().extract().statusCode();
        var request = given().auth().oauth2(manager()).contentType("application/json").body(body);
        if (existing == 200) {
            request.header("If-Match", Fixtures.etag(url));
        }
        request.when().put(url).then().statusCode(existing == 200 ? 200 : 201);
    }

    static void participations(UUID projectId, String... codes) {
        for (String code : codes) {
            Fixtures.participation(code, projectId, true);
        }
    }

    /** Changes whether the municipality participates, as its coordinator would. */
    static void participates(String code, UUID projectId, boolean participates) {
        String url = "/api/v1/municipalities/" + code + "/participations/" + projectId;
        given().auth().oauth2(Fixtures.admin()).contentType("application/json").header("If-Match", Fixtures.etag(url))
                .body(Fixtures.participationBody(projectId, participates, "J. de Vries", "implementing"))
                .when().put(url).then().statusCode(200);
    }

    /**
     * Every page of a cursor-paged list, following nextCursor from the first page; each page must be a 200 with an
     * ETag and at most {@code limit} items.
     */
    static List<ExtractableResponse<Response>> pages(String url, int limit, String role) {
        List<ExtractableResponse<Response>> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(reader(role)).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.when().get(url).then().statusCode(200)
                    .header("ETag", notNullValue())
                    .body("items.size()", lessThanOrEqualTo(limit))
                    .extract();
            pages.add(page);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return pages;
    }

    /** Every item on every page. */
    static List<Map<String, Object>> everyItem(List<ExtractableResponse<Response>> pages) {
        return pages.stream().flatMap(page -> page.jsonPath().<Map<String, Object>>getList("items").stream()).toList();
    }

    /** The values of one field of every item on every page. */
    static <T> List<T> everyItems(List<ExtractableResponse<Response>> pages, String field) {
        return pages.stream().flatMap(page -> page.jsonPath().<T>getList("items." + field).stream()).toList();
    }

    /** How many cost-allocation-changed events the outbox holds for the project. */
    static long costAllocationEvents(UUID projectId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and subject = ?2",
                MunicipalityEvents.COST_ALLOCATION_CHANGED, "cost-allocations/" + projectId));
    }
}
