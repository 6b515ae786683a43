package nl.metrokaart.platform.persistence;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Writes a row whose uniqueness the service checked beforehand. Two concurrent requests can both pass that check;
 * the database's unique constraint decides, and the loser gets the same conflict as a late one.
 */
public final class PersistOnce {

    private PersistOnce() {
    }

    /** Persists a new entity now; a unique-constraint loss becomes {@code conflict}. */
    public static void persist(EntityManager entityManager, Object entity, Supplier<HttpProblem> conflict) {
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e, conflict);
        }
    }

    /** Flushes changes made to managed entities now; a unique-constraint loss becomes {@code conflict}. */
    public static void flush(EntityManager entityManager, Supplier<HttpProblem> conflict) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e, conflict);
        }
    }

    private static RuntimeException translated(PersistenceException e, Supplier<HttpProblem> conflict) {
        if (e instanceof ConstraintViolationException violation && isUnique(violation)
                || e.getCause() instanceof ConstraintViolationException cause && isUnique(cause)) {
            return conflict.get();
        }
        return e;
    }

    private static boolean isUnique(ConstraintViolationException violation) {
        return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                || "23505".equals(violation.getSQLState());
    }
}
