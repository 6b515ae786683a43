package nl.metrokaart.programme.scale;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.Fixtures.reader;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.metrokaart.platform.testing.RequestCost;
import nl.metrokaart.platform.security.Roles;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The metro map, the planning and the impact of a slip cost a fixed number of SQL statements, whatever the number of
 * projects, and read at most proportionally more rows when the projects (with their milestones and dependencies)
 * grow ({@link RequestCost}: counted, not timed). Data is generated in bulk SQL (generate_series) and removed after.
 */
@QuarkusTest
@TestProfile(ReadCostScalingTest.AnswersComputedAfresh.class)
class ReadCostScalingTest {

    /**
     * The cost counted is that of computing each answer: with answers kept (ProgrammeAnswers), the cheapest of
     * RequestCost's runs would be a kept one.
     */
    public static class AnswersComputedAfresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("metrokaart.programme-answers.max-bytes", "0");
        }
    }

    private static final int PROJECTS = 30;
    /** Each project after the first ones must finish after its five predecessors, as in the bench's data set. */
    private static final int PREDECESSORS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void programmeReadsRunAFixedNumberOfStatementsAndReadLinearlyMoreRows() throws SQLException {
        Map<String, RequestCost> base = measure(PROJECTS);
        Map<String, RequestCost> larger = measure(4 * PROJECTS);
        // The first projects have fewer than five predecessors, so the dependencies grow a little more than 4x.
        double growth = Math.max(4.0, (double) dependencies(4 * PROJECTS) / dependencies(PROJECTS));
        RequestCost.assertLinear(base, "projects (with their milestones and dependencies)", growth, larger);
    }

    /** The dependencies {@link #generate} makes for this many projects: up to five predecessors each. */
    private static long dependencies(int projects) {
        long count = 0;
        for (int rank = 1; rank <= projects; rank++) {
            count += Math.min(PREDECESSORS, rank - 1);
        }
        return count;
    }

    private Map<String, RequestCost> measure(int projects) throws SQLException {
        UUID programme = UUID.randomUUID();
        generate(programme, projects);
        try {
            String first = firstProject(programme);
            Map<String, RequestCost> costs = new LinkedHashMap<>();
            costs.put("metro-map json", cost("/api/v1/programmes/" + programme + "/metro-map", "application/json"));
            costs.put("metro-map svg", cost("/api/v1/programmes/" + programme + "/metro-map", "image/svg+xml"));
            costs.put("planning", cost("/api/v1/programmes/" + programme + "/planning?horizonDays=3650", "application/json"));
            // The first project precedes all others (through the chain): a slip moves the whole programme.
            costs.put("impact of a 30-day slip", cost("/api/v1/projects/" + first + "/impact?slipDays=30", "application/json"));
            return costs;
        } finally {
            remove(programme);
        }
    }

    private RequestCost cost(String path, String accept) {
        return RequestCost.of(sessionFactory.getStatistics(), () -> given().auth().oauth2(reader(Roles.SECRETARY))
                .accept(accept).when().get(path).then().statusCode(200));
    }

    /** One programme with two lines; P projects, each with a key and an ordinary milestone and five predecessors. */
    private void generate(UUID programme, int projects) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("INSERT INTO programme (id, name, ambition, goals, start_date, end_date, programme_manager,"
                    + " steering_committee, lines, version, created_at, updated_at) VALUES ('" + programme + "',"
                    + " 'Schaalprogramma', 'Schaal', '[]', DATE '2026-01-01', DATE '2035-12-31', 'Petra', '[]',"
                    + " '[{\"code\": \"services\", \"name\": \"Dienstverlening\", \"colour\": \"#e4003a\"},"
                    + " {\"code\": \"registers\", \"name\": \"Basisregistraties\", \"colour\": \"#0066cc\"}]', 0, now(), now())");
            sql.execute("INSERT INTO project (id, programme_id, code, name, description, line, priority_rank, status,"
                    + " planned_start_date, planned_end_date, budget, owner, change_seq, version, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), '" + programme + "', 'SCALE-' || p, 'Schaalproject ' || p, 'Schaal',"
                    + " CASE WHEN p % 2 = 0 THEN 'services' ELSE 'registers' END, p, 'planned',"
                    + " DATE '2026-01-01' + p, DATE '2026-03-01' + p, 1000.00, 'Petra', nextval('project_change_seq'),"
                    + " 0, now(), now() FROM generate_series(1, " + projects + ") p");
            sql.execute("INSERT INTO milestone (id, project_id, title, due_date, key_milestone, version, created_at,"
                    + " updated_at) SELECT gen_random_uuid(), pr.id, m.title, pr.planned_end_date - m.before, m.key, 0,"
                    + " now(), now() FROM project pr, (VALUES ('Oplevering', 0, true), ('Test', 20, false))"
                    + " m (title, before, key) WHERE pr.programme_id = '" + programme + "'");
            sql.execute("INSERT INTO dependency (id, project_id, predecessor_id, type, lag_days, created_at)"
                    + " SELECT gen_random_uuid(), pr.id, pre.id, 'must-finish-before', 0, now() FROM project pr"
                    + " JOIN project pre ON pre.programme_id = pr.programme_id"
                    + " AND pre.priority_rank BETWEEN pr.priority_rank - " + PREDECESSORS + " AND pr.priority_rank - 1"
                    + " WHERE pr.programme_id = '" + programme + "'");
            connection.commit();
        }
    }

    private String firstProject(UUID programme) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                var rows = sql.executeQuery("SELECT id FROM project WHERE programme_id = '" + programme
                        + "' AND priority_rank = 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void remove(UUID programme) throws SQLException {
        String projects = "(SELECT id FROM project WHERE programme_id = '" + programme + "')";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("DELETE FROM dependency WHERE project_id IN " + projects);
            sql.execute("DELETE FROM milestone WHERE project_id IN " + projects);
            sql.execute("DELETE FROM project WHERE programme_id = '" + programme + "'");
            sql.execute("DELETE FROM programme WHERE id = '" + programme + "'");
            connection.commit();
        }
    }
}
