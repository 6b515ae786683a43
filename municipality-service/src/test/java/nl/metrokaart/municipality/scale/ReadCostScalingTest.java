package nl.metrokaart.municipality.scale;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.metrokaart.platform.testing.RequestCost;
import nl.metrokaart.platform.security.Roles;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The heavy reads cost a fixed number of SQL statements, whatever the number of projects (P) or municipalities (M),
 * and read at most proportionally more rows when P or M grows ({@link RequestCost}: counted, not timed).
 * Data is generated in bulk SQL (generate_series) at (P, M), (4P, M) and (P, 4M), each removed again after use.
 */
@QuarkusTest
class ReadCostScalingTest {

    private static final int PROJECTS = 25;
    private static final int MUNICIPALITIES = 10;
    /** CBS codes no other test uses. */
    private static final String CODE_PREFIX = "GM8";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    @Test
    void heavyReadsRunAFixedNumberOfStatementsAndReadLinearlyMoreRows() throws SQLException {
        Map<String, RequestCost> base = measure(PROJECTS, MUNICIPALITIES);
        RequestCost.assertLinear(base, "projects", 4, measure(4 * PROJECTS, MUNICIPALITIES));
        RequestCost.assertLinear(base, "municipalities", 4, measure(PROJECTS, 4 * MUNICIPALITIES));
    }

    /**
     * A page costs the same number of statements whatever its size: the items' projects, shares and other parts are
     * read for the whole page at once, not per item (no N+1).
     */
    @Test
    void aPageRunsAsManyStatementsWhateverItsSize() throws SQLException {
        generate(UUID.randomUUID(), PROJECTS, MUNICIPALITIES);
        try {
            String municipality = "/api/v1/municipalities/" + CODE_PREFIX + "000";
            for (String list : List.of("/api/v1/cost-allocations", municipality + "/cost-allocations",
                    "/api/v1/decisions", municipality + "/participations", municipality + "/variant-choices")) {
                RequestCost small = cost(list + "?limit=5");
                RequestCost large = cost(list + "?limit=20");
                System.out.printf("%s: page of 5 %s, page of 20 %s%n", list, small, large);
                assertEquals(small.statements(), large.statements(), list + ": statements of a page of 5 and of 20");
            }
        } finally {
            remove();
        }
    }

    private Map<String, RequestCost> measure(int projects, int municipalities) throws SQLException {
        UUID programme = UUID.randomUUID();
        generate(programme, projects, municipalities);
        try {
            Map<String, RequestCost> costs = new LinkedHashMap<>();
            costs.put("harmonisation", cost("/api/v1/harmonisation?programmeId=" + programme));
            costs.put("financial-summary", cost("/api/v1/financial-summary?programmeId=" + programme));
            costs.put("cost-allocations", cost("/api/v1/cost-allocations?limit=20"));
            costs.put("municipality cost-allocations",
                    cost("/api/v1/municipalities/" + CODE_PREFIX + "000/cost-allocations?limit=20"));
            return costs;
        } finally {
            remove();
        }
    }

    private RequestCost cost(String path) {
        return RequestCost.withJobsPaused(scheduler, sessionFactory.getStatistics(), () ->
                given().auth().oauth2(reader(Roles.SECRETARY)).when().get(path).then().statusCode(200));
    }

    /**
     * P projects of one programme, each with all M municipalities taking part, a decision, choices and shares. Their
     * ids sort before any random one, so the first page of the (unfiltered) cost allocation lists holds only them.
     */
    private void generate(UUID programme, int projects, int municipalities) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO municipality (code, name, inhabitants, municipal_secretary, version, created_at, updated_at)"
                        + " SELECT '" + CODE_PREFIX + "' || lpad(m::text, 3, '0'), 'Schaalgemeente ' || m, 1000 + m,"
                        + " 'Secretaris ' || m, 0, now(), now() FROM generate_series(0, " + (municipalities - 1) + ") m");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO programme_project (id, programme_id, code, name, status, budget, source_version, received_at)"
                            + " SELECT ('00000000-0000-4000-8000-' || lpad(p::text, 12, '0'))::uuid, ?, 'SCALE-' || p,"
                            + " 'Schaalproject ' || p, 'planned', 1000.00, 0, now()"
                            + " FROM generate_series(1, ?) p")) {
                insert.setObject(1, programme);
                insert.setInt(2, projects);
                insert.executeUpdate();
            }
            String ofProgramme = " FROM programme_project pp JOIN municipality m ON m.code LIKE '" + CODE_PREFIX + "%'"
                    + " WHERE pp.programme_id = '" + programme + "'";
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO participation (id, municipality_code, project_id, participates, implementation_status,"
                        + " version, created_at, updated_at) SELECT gen_random_uuid(), m.code, pp.id, true, 'preparing', 0,"
                        + " now(), now()" + ofProgramme);
                // Two decisions per project: the later one is in force.
                sql.execute("INSERT INTO decision (id, project_id, question, options, outcome, deciding_body, decided_on,"
                        + " rationale, version, created_at, updated_at) SELECT gen_random_uuid(), pp.id, 'Uniform?',"
                        + " '[\"uniform\"]', o.outcome, 'steering-committee', o.decided_on, 'Schaal', 0, now(), now()"
                        + " FROM programme_project pp, (VALUES ('uniform', DATE '2026-01-01'),"
                        + " ('variants-allowed', DATE '2026-02-01')) o (outcome, decided_on)"
                        + " WHERE pp.programme_id = '" + programme + "'");
                sql.execute("INSERT INTO variant_choice (id, municipality_code, project_id, approach, version, created_at,"
                        + " updated_at) SELECT gen_random_uuid(), m.code, pp.id, 'uniform', 0, now(), now()" + ofProgramme);
                sql.execute("INSERT INTO cost_allocation (project_id, budget_cents, method, version, computed_at)"
                        + " SELECT pp.id, 100000, 'equal-share', 0, now() FROM programme_project pp"
                        + " WHERE pp.programme_id = '" + programme + "'");
                sql.execute("INSERT INTO cost_allocation_share (project_id, municipality_code, inhabitants, amount_cents)"
                        + " SELECT pp.id, m.code, m.inhabitants, 100000 / " + municipalities + ofProgramme);
            }
            connection.commit();
        }
    }

    private void remove() throws SQLException {
        String generated = "(SELECT id FROM programme_project WHERE code LIKE 'SCALE-%')";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("DELETE FROM cost_allocation_share WHERE project_id IN " + generated);
            sql.execute("DELETE FROM cost_allocation WHERE project_id IN " + generated);
            sql.execute("DELETE FROM variant_choice WHERE project_id IN " + generated);
            sql.execute("DELETE FROM decision WHERE project_id IN " + generated);
            sql.execute("DELETE FROM participation WHERE project_id IN " + generated);
            sql.execute("DELETE FROM programme_project WHERE code LIKE 'SCALE-%'");
            sql.execute("DELETE FROM municipality WHERE code LIKE '" + CODE_PREFIX + "%'");
            connection.commit();
        }
    }
}
