package nl.metrokaart.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * The conventions every Metrokaart service keeps, checked against the running service: a subclass annotated
 * {@code @QuarkusTest} names one of its protected collection paths, the role that may not write there and a
 * valid request body.
 */
public abstract class ServiceConventionsTest {

    /** A protected collection path, e.g. {@code /api/v1/programmes}. */
    protected abstract String protectedCollection();

    /** A role that may read the collection but not create in it. */
    protected abstract String readOnlyRole();

    @Test
    void healthIsUpWithDatabaseAndKafkaChecks() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void openApiDocumentIsServedAnonymouslyWithApiVersion() {
        given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .header("API-Version", equalTo("1.0.0"))
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3."))
                .body("servers[0].url", equalTo("/api/v1"))
                .body("info.contact.email", notNullValue());
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "test-request-42").when().get("/q/health/live")
                .then().header("X-Request-Id", equalTo("test-request-42"));
        given().header("X-Request-Id", "bad id\r\ninjected").when().get("/q/health/live")
                .then().header("X-Request-Id", not(equalTo("bad id\r\ninjected")))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void withoutTokenTheApiAnswers401ProblemJson() {
        given().when().get(protectedCollection())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("API-Version", equalTo("1.0.0"))
                .body("status", equalTo(401))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void withAnInvalidTokenTheApiAnswers401ProblemJson() {
        given().auth().oauth2("not.a.token").when().get(protectedCollection())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void withoutTheNeededRoleTheApiAnswers403ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("reader", readOnlyRole()))
                .contentType("application/json").body("{}")
                .when().post(protectedCollection())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", notNullValue());
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("admin", "admin"))
                .contentType("application/json").body("{\"name\": ")
                .when().post(protectedCollection())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void unknownRouteIs404ProblemJson() {
        given().auth().oauth2(TestTokens.withRoles("admin", "admin"))
                .when().get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", notNullValue());
    }
}
