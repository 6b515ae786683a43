package nl.metrokaart.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each lock runs, seen through an entity manager that records it (the locking itself is PostgreSQL's). */
class AdvisoryLocksTest {

    private final List<String> statements = new ArrayList<>();

    @Test
    void numericAndNamedLocksAreTransactionLevel() {
        AdvisoryLocks.lock(recording(null), 42L);
        AdvisoryLocks.lock(recording(null), "harmonisation:1");
        assertFalse(AdvisoryLocks.tryLock(recording(false), 7L));
        assertEquals(List.of("SELECT pg_advisory_xact_lock(:key) key=42",
                "SELECT pg_advisory_xact_lock(hashtextextended(:name, 0)) name=harmonisation:1",
                "SELECT pg_try_advisory_xact_lock(:key) key=7"), statements);
    }

    private EntityManager recording(Object result) {
        StringBuilder statement = new StringBuilder();
        Query query = (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        statement.append(' ').append(args[0]).append('=').append(args[1]);
                        yield proxy;
                    }
                    case "getSingleResult" -> {
                        statements.add(statement.toString());
                        yield result;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createNativeQuery") && args.length == 1) {
                        statement.append(args[0]);
                        return query;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
