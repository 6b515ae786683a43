package nl.metrokaart.newsletter.scale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.testing.RequestCost;
import nl.metrokaart.platform.testing.TestTokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A page of the activity feed costs the same number of SQL statements whatever its size: the projects its
 * summaries name are read for the whole page at once, not per activity (no N+1). Counted, not timed
 * ({@link RequestCost}); the data is generated in bulk SQL and removed again.
 */
@QuarkusTest
class ReadCostScalingTest {

    private static final int ACTIVITIES = 25;
    /** Far in the future, so that only the generated activities are in the filtered feed. */
    private static final String OCCURRED_FROM = "2190-01-01T00:00:00Z";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    @Test
    void aPageOfTheFeedRunsAsManyStatementsWhateverItsSize() throws SQLException {
        generate();
        try {
            RequestCost small = cost(5);
            RequestCost large = cost(20);
            System.out.printf("activities: page of 5 %s, page of 20 %s%n", small, large);
            assertEquals(small.statements(), large.statements(), "statements of a page of 5 and of 20 activities");
        } finally {
            remove();
        }
    }

    private RequestCost cost(int limit) {
        return RequestCost.withJobsPaused(scheduler, sessionFactory.getStatistics(), () -> given()
                .auth().oauth2(TestTokens.withRoles("integrator", Roles.INTEGRATOR))
                .queryParam("occurredFrom", OCCURRED_FROM).queryParam("limit", limit)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items", hasSize(limit)));
    }

    /** One project-changed activity about each of ACTIVITIES generated projects, each project known by name. */
    private void generate() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("INSERT INTO known_project (id, code, name, status, source_version)"
                    + " SELECT ('00000000-0000-4000-8000-' || lpad(p::text, 12, '0'))::uuid, 'SCALE-' || p,"
                    + " 'Schaalproject ' || p, 'planned', 0 FROM generate_series(1, " + ACTIVITIES + ") p");
            sql.execute("INSERT INTO activity (id, event_id, event_source, event_type, type, project_id, project_code,"
                    + " key_milestone, summary, occurred_at, received_at, data)"
                    + " SELECT gen_random_uuid(), 'scale-' || p, 'urn:nld:metrokaart:systeem:programme-service',"
                    + " 'nl.metrokaart.programme.project-changed', 'project-changed',"
                    + " ('00000000-0000-4000-8000-' || lpad(p::text, 12, '0'))::uuid, 'SCALE-' || p, false, '',"
                    + " TIMESTAMPTZ '" + OCCURRED_FROM + "' + p * INTERVAL '1 minute', now(), '{}'"
                    + " FROM generate_series(1, " + ACTIVITIES + ") p");
            connection.commit();
        }
    }

    private void remove() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("DELETE FROM activity WHERE event_id LIKE 'scale-%'");
            sql.execute("DELETE FROM known_project WHERE code LIKE 'SCALE-%'");
            connection.commit();
        }
    }
}
