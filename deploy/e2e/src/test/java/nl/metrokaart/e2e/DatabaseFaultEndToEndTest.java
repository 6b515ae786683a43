package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.e2e.RunningStack.gateway;
import static nl.metrokaart.e2e.RunningStack.integrator;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import nl.metrokaart.infra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service whose database goes away answers 503 problem+json with Retry-After (no stack trace), reports itself not
 * ready, and recovers by itself when the database is back; the other services, with databases of their own, keep
 * answering throughout.
 */
@ExtendWith(RunningStack.class)
class DatabaseFaultEndToEndTest {

    @Test
    void aServiceWithoutItsDatabaseAnswers503AndRecoversWhileTheOthersKeepAnswering() throws SQLException {
        String token = integrator();
        String municipalityService = RunningStack.stack().service(Stack.Service.MUNICIPALITY).baseUrl();
        given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities").then().statusCode(200);
        try {
            database("municipality", false);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities")
                            .then().statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", notNullValue())
                            .header("API-Version", "1.0.0")
                            .body("status", equalTo(503))
                            .body("detail", not(org.hamcrest.Matchers.containsString("Exception"))));
            given().baseUri(municipalityService).when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            // The other services keep answering.
            given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/projects").then().statusCode(200);
            given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/meetings").then().statusCode(200);
        } finally {
            database("municipality", true);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            given().baseUri(gateway()).auth().oauth2(token).when().get("/api/v1/municipalities").then().statusCode(200);
            given().baseUri(municipalityService).when().get("/q/health/ready").then().statusCode(200);
        });
    }

    /**
     * Takes one service's database away (connections ended, new ones refused) or gives it back, leaving the
     * databases of the other services, on the same server, alone.
     */
    private static void database(String name, boolean available) throws SQLException {
        PostgresServer postgres = RunningStack.stack().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS " + available);
            if (!available) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        }
    }
}
