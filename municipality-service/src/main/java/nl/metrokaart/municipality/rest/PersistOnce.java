package nl.metrokaart.municipality.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Persists a new row whose uniqueness the service checked beforehand. Two concurrent requests can both pass
 * that check; the database's unique constraint decides, and the loser gets the same conflict as a late one.
 */
public final class PersistOnce {

    private PersistOnce() {
    }

    public static void persist(EntityManager entityManager, Object entity, Supplier<HttpProblem> conflict) {
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw conflict.get();
            }
            throw e;
        }
    }
}
