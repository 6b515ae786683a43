package nl.metrokaart.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;

/**
 * What the database refuses, answered as the client's problem it is instead of a 500: a unique key another request
 * took first is a 409 naming the field, a value the database cannot hold a 400, a lost race on a version a 412,
 * a lock or serialisation conflict a 409 to retry, and a database that cannot be reached a 503 with Retry-After.
 * Services check their rules first; this is what still holds when two requests pass those checks at once, or a
 * deferred constraint fails at commit. Anything else stays a 500 (logged with the request id, no stack trace sent).
 */
public class PersistenceProblems {

    /** PostgreSQL's detail of a unique or foreign key violation: {@code Key (programme_id, code)=(…) already exists.} */
    private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\((.+?)\\)=");
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper(priority = 1)
    public Response unexpected(Exception e, UriInfo uriInfo) {
        return ProblemResponses.of(problemFor(e), e, uriInfo);
    }

    static HttpProblem problemFor(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpProblem problem) {
                return problem;
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return HttpProblem.builder().withStatus(412).withTitle("Precondition Failed")
                        .withDetail(ProblemTexts.get("persistence.changed"))
                        .build();
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return retryConflict();
            }
            if (cause instanceof JDBCConnectionException) {
                return unavailable();
            }
            if (cause instanceof SQLException sql) {
                HttpProblem problem = forSqlState(sql);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return HttpProblem.builder().withStatus(500).withTitle("Internal Server Error").build();
    }

    private static HttpProblem forSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's acquisition timeout carries no state: no connection could be had in time.
            return sql.getMessage() != null && sql.getMessage().toLowerCase().contains("acquisition timeout") ? unavailable() : null;
        }
        if (state.equals("23505")) {
            List<String> fields = keyFields(sql);
            String field = fields.isEmpty() ? "body" : fields.get(fields.size() - 1);
            String taken = fields.isEmpty() ? ProblemTexts.get("persistence.unique.key")
                    : String.join(ProblemTexts.get("persistence.unique.and"), fields);
            return Problems.conflict(ProblemTexts.get("persistence.unique", taken))
                    .with(NlGovProblemDetails.INVALID_PARAMS, List.of(Map.of("name", field, "in", "body",
                            "reason", ProblemTexts.get("persistence.unique.reason"))))
                    .build();
        }
        if (state.equals("23503")) {
            return Problems.conflict(ProblemTexts.get("persistence.reference")).build();
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            // A check, not-null or data exception (out of range, invalid text): the value cannot be stored.
            return HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                    .withDetail(ProblemTexts.get("persistence.value"))
                    .build();
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return retryConflict();
        }
        if (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("57014")) {
            return unavailable();
        }
        return null;
    }

    private static List<String> keyFields(SQLException sql) {
        String detail = sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getDetail() : sql.getMessage();
        if (detail == null) {
            return List.of();
        }
        Matcher matcher = KEY_COLUMNS.matcher(detail);
        if (!matcher.find()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (String column : matcher.group(1).split(",")) {
            // lower(email::text) names the column email
            String name = column.strip().replaceAll("^[a-z_]+\\((.*?)(::\\w+)?\\)$", "$1");
            fields.add(lowerCamel(name));
        }
        return fields;
    }

    static String lowerCamel(String column) {
        String[] parts = column.split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        Arrays.stream(parts).skip(1).filter(p -> !p.isEmpty())
                .forEach(p -> name.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1)));
        return name.toString();
    }

    private static HttpProblem retryConflict() {
        return Problems.conflict(ProblemTexts.get("persistence.retry"))
                .withHeader("Retry-After", "1")
                .build();
    }

    private static HttpProblem unavailable() {
        return HttpProblem.builder().withStatus(503).withTitle("Service Unavailable")
                .withDetail(ProblemTexts.get("persistence.unavailable"))
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
