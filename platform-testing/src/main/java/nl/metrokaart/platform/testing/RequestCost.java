package nl.metrokaart.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import java.util.Map;
import org.hibernate.stat.Statistics;

/**
 * What one request costs the database, as Hibernate's statistics count it (the service's test profile sets
 * {@code quarkus.hibernate-orm.statistics=true}): SQL statements prepared, and rows read (entities loaded,
 * collections loaded and query result rows). Counting work, not timing it, makes scaling testable deterministically.
 */
public record RequestCost(long statements, long rows) {

    /**
     * The least cost of seven runs of the request: the statistics are global, so a relay, consumer or job working
     * at the same time adds to a run, never takes away; one quiet run gives the request's own count.
     */
    public static RequestCost of(Statistics statistics, Runnable request) {
        RequestCost least = null;
        for (int run = 0; run < 7; run++) {
            statistics.clear();
            request.run();
            long rows = statistics.getEntityLoadCount() + statistics.getCollectionLoadCount();
            for (String query : statistics.getQueries()) {
                rows += statistics.getQueryStatistics(query).getExecutionRowCount();
            }
            RequestCost cost = new RequestCost(statistics.getPrepareStatementCount(), rows);
            if (least == null || cost.statements() < least.statements()) {
                least = cost;
            }
        }
        return least;
    }

    /**
     * {@link #of} with the service's scheduled jobs (outbox relay poll, retention, ...) paused while the request is
     * counted: on a loaded machine a request that takes longer than a poll interval would count the poll's
     * statements in every run.
     */
    public static RequestCost withJobsPaused(Scheduler scheduler, Statistics statistics, Runnable request) {
        scheduler.pause();
        try {
            return of(statistics, request);
        } finally {
            scheduler.resume();
        }
    }

    /**
     * Every request of {@code base} runs the same number of statements on the larger data set, whose tables grew at
     * most {@code factor} times, and reads at most {@code factor} times the rows: its cost grows at most linearly
     * with what was enlarged.
     */
    public static void assertLinear(Map<String, RequestCost> base, String enlarged, double factor,
            Map<String, RequestCost> larger) {
        base.forEach((request, cost) -> {
            RequestCost grown = larger.get(request);
            System.out.printf("%s: %s, with %.2fx %s %s%n", request, cost, factor, enlarged, grown);
            // A request that was not counted (statistics off) would prove nothing.
            assertTrue(cost.statements() > 0 && cost.rows() > 0, request + " was not counted: " + cost);
            assertEquals(cost.statements(), grown.statements(), request + ": statements with " + factor + "x " + enlarged);
            assertTrue(grown.rows() <= factor * cost.rows(),
                    request + ": rows read with " + factor + "x " + enlarged + " " + grown + " against " + cost);
        });
    }
}
