package nl.metrokaart.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class PersistOnceTest {

    private static final HttpProblem TAKEN = HttpProblem.builder().withStatus(409).withTitle("Conflict").build();

    @Test
    void aLostUniqueConstraintIsTheConflictOfALateRequest() {
        PersistenceException unique = new PersistenceException(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "project_code_key"));
        assertSame(TAKEN, assertThrows(HttpProblem.class,
                () -> PersistOnce.persist(failingWith(unique), new Object(), () -> TAKEN)));
        assertSame(TAKEN, assertThrows(HttpProblem.class, () -> PersistOnce.flush(failingWith(unique), () -> TAKEN)));
    }

    @Test
    void anyOtherFailureIsNotDisguisedAsAConflict() {
        PersistenceException notNull = new ConstraintViolationException("null", new SQLException("null", "23502"),
                ConstraintViolationException.ConstraintKind.NOT_NULL, "name");
        assertEquals(notNull, assertThrows(PersistenceException.class,
                () -> PersistOnce.flush(failingWith(notNull), () -> TAKEN)));
    }

    private EntityManager failingWith(PersistenceException failure) {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("flush")) {
                        throw failure;
                    }
                    return null;
                });
    }
}
