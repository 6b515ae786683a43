package nl.metrokaart.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.language.Language;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What the database refuses becomes the client's problem it is: never a 500 for a race or a bad value. */
class PersistenceProblemsTest {

    @Test
    void aUniqueKeyTakenFirstIs409NamingTheField() {
        HttpProblem problem = PersistenceProblems.problemFor(wrapped(postgres("23505",
                "Key (programme_id, code)=(0b4d, WION) already exists.")));
        assertEquals(409, problem.getStatusCode());
        assertEquals("Een ander verzoek heeft zojuist dezelfde programmeId en code opgeslagen; die moet uniek zijn.",
                problem.getDetail());
        assertEquals(List.of(Map.of("name", "code", "in", "body", "reason", "moet uniek zijn; deze waarde is al in gebruik")),
                problem.getParameters().get(NlGovProblemDetails.INVALID_PARAMS));
        // An expression index names its column; without a detail the field is the body.
        assertEquals("email", invalidParam(PersistenceProblems.problemFor(
                new SQLException("Key (lower(email::text))=(a@b.nl) already exists.", "23505"))));
        assertEquals("body", invalidParam(PersistenceProblems.problemFor(new SQLException("duplicate", "23505"))));
    }

    @Test
    void theOtherRefusalsByState() {
        assertEquals(409, status(new SQLException("fk", "23503")));
        assertEquals(400, status(new SQLException("check", "23514")), "a check constraint: the value cannot be stored");
        assertEquals(400, status(new SQLException("too long", "22001")));
        assertEquals(400, status(new SQLException("out of range", "22003")));
        HttpProblem serialisation = PersistenceProblems.problemFor(new SQLException("serialize", "40001"));
        assertEquals(409, serialisation.getStatusCode());
        assertEquals("1", serialisation.getHeaders().get("Retry-After"));
        assertEquals(409, status(new SQLException("deadlock", "40P01")));
        assertEquals(409, status(new SQLException("lock not available", "55P03")));
        HttpProblem away = PersistenceProblems.problemFor(new SQLException("connection refused", "08001"));
        assertEquals(503, away.getStatusCode());
        assertEquals(PersistenceProblems.RETRY_AFTER_SECONDS, away.getHeaders().get("Retry-After"));
        assertEquals(503, status(new SQLException("too many connections", "53300")));
        assertEquals(503, status(new SQLException("admin shutdown", "57P01")));
        assertEquals(503, status(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(503, status(new JDBCConnectionException("gone", new SQLException("gone"))));
        assertEquals(412, status(new OptimisticLockException("row was updated")));
        assertEquals(412, status(new org.hibernate.StaleObjectStateException("Item", 1)));
        assertEquals(409, status(new jakarta.persistence.PessimisticLockException("locked")));
    }

    @Test
    void aProblemAlreadyRaisedPassesAndTheUnknownIs500() {
        HttpProblem own = Problems.conflict("taken").build();
        assertSame(own, PersistenceProblems.problemFor(new PersistenceException(own)));
        assertEquals(500, status(new IllegalStateException("bug")));
        assertEquals(500, status(new SQLException("syntax", "42601")), "our own SQL error is ours: 500");
    }

    @Test
    void columnsAreNamedAsTheApiNamesFields() {
        assertEquals("municipalityCode", PersistenceProblems.lowerCamel("municipality_code"));
        assertEquals("code", PersistenceProblems.lowerCamel("code"));
        assertEquals("inhabitantsWeightPercent", PersistenceProblems.lowerCamel("inhabitants_weight_percent"));
    }

    @Test
    void titlesAndDetailsAreDutchByDefaultAndEnglishOnRequest() {
        assertEquals("Niet gevonden", Titles.forStatus(404, Language.NL));
        assertEquals("Not Found", Titles.forStatus(404, Language.EN));
        assertEquals("HTTP 599", Titles.forStatus(599, Language.NL), "a status without a name");
        assertEquals(true, Titles.isStandard("Not Found", 404));
        assertEquals(false, Titles.isStandard("Geen project", 404));
        assertEquals("De gevraagde resource bestaat niet.", Titles.detailForStatus(404, Language.NL));
        assertEquals("Het verzoek is ongeldig: limit moet tussen 1 en 100 liggen.",
                Titles.invalid("limit moet tussen 1 en 100 liggen", Language.NL));
        assertEquals("Idempotency-Key k'1 is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel voor een nieuw verzoek.",
                ProblemTexts.in(Language.NL, "idempotency.different", "k'1"), "an apostrophe stays one");
        HttpProblem invalid = Problems.invalid("limit", "query", "moet een getal zijn");
        assertEquals(400, invalid.getStatusCode());
        assertEquals("Het verzoek is ongeldig: limit moet een getal zijn.", invalid.getDetail());
        assertEquals(List.of(Map.of("name", "limit", "in", "query", "reason", "moet een getal zijn")),
                invalid.getParameters().get(NlGovProblemDetails.INVALID_PARAMS));
    }

    private static String invalidParam(HttpProblem problem) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> params = (List<Map<String, Object>>) problem.getParameters().get(NlGovProblemDetails.INVALID_PARAMS);
        return (String) params.get(0).get("name");
    }

    private static int status(Throwable failure) {
        return PersistenceProblems.problemFor(failure).getStatusCode();
    }

    /** As Hibernate hands a constraint violation over at flush or commit. */
    private static Throwable wrapped(SQLException sql) {
        return new PersistenceException(new ConstraintViolationException("could not execute statement", sql, "uk"));
    }

    private static PSQLException postgres(String state, String detail) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0Mduplicate key value\0D" + detail + "\0"));
    }
}
