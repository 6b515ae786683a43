package nl.metrokaart.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * What a transaction needs to do or read only once however often a step repeats in it: a consumer applying a
 * polled batch in one transaction takes a lock held until commit once, and reads a lookup whose answer cannot
 * change for it within the batch once (as if the whole batch were applied at its first statement).
 */
@ApplicationScoped
public class OncePerTransaction {

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The value computed for {@code key} in the current transaction, computing it on the first call. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        Object value = transaction.getResource(key);
        if (value == null) {
            value = compute.get();
            transaction.putResource(key, value);
        }
        return (T) value;
    }

    /** Runs {@code step} unless the current transaction already ran the step of this {@code key}. */
    public void run(String key, Runnable step) {
        get(key, () -> {
            step.run();
            return Boolean.TRUE;
        });
    }
}
