package nl.metrokaart.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks: held until the current transaction ends, so writers that take the
 * same lock run one after another, across every instance sharing the database. The only place a service's code
 * names {@code pg_advisory_xact_lock}.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the lock with this numeric key (an arbitrary constant naming what it guards). */
    public static void lock(EntityManager entityManager, long key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", key).getSingleResult();
    }

    /**
     * Waits for the lock named by this text, e.g. {@code "harmonisation:" + projectId}; the name is hashed to a
     * 64-bit key, so give it a prefix of its own to keep different kinds of lock apart.
     */
    public static void lock(EntityManager entityManager, String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name).getSingleResult();
    }

    /** Takes the lock with this numeric key if no one holds it; false (without waiting) otherwise. */
    public static boolean tryLock(EntityManager entityManager, long key) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", key).getSingleResult();
    }
}
