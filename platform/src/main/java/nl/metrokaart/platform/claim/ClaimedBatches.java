package nl.metrokaart.platform.claim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.metrokaart.platform.persistence.StoredTime;

/**
 * The loop of a relay that works outside any transaction, safely with several instances on one database (webhook
 * deliveries, mail): claim a batch of due rows in a short transaction (locked with SKIP LOCKED, each given the
 * batch's claim token and a {@link #lease} covering the whole batch, so other instances leave them alone and a
 * crash only delays them), do each one's work with no transaction or connection held, and record each outcome in a
 * transaction of its own, fenced: only while the row still carries the claim token (a worker that overran its lease
 * and was taken over changes nothing). Batches follow each other while they come back full.
 */
public final class ClaimedBatches {

    /** The margin a lease keeps beyond the longest the batch's work can take. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /**
     * What one relay does. {@code claim} runs in (and commits) its own short transaction; {@code perform} holds no
     * transaction; {@code record} runs in a transaction of its own and checks the claim token before it writes.
     */
    public record Worker<C, R>(Supplier<List<C>> claim, Function<C, R> perform, BiConsumer<C, R> record) {
    }

    /** What a run did: the work attempted and how much of it succeeded. */
    public record Run(int attempted, int succeeded) {
    }

    private ClaimedBatches() {
    }

    /**
     * Claims and works batch after batch until one comes back short (nothing more is due); with
     * {@code stopAfterAFailure}, also after a batch in which some work failed (the failed rows wait for their
     * back-off, and the peer, e.g. an SMTP server, is not pressed further in this run).
     */
    public static <C, R> Run drain(int batchSize, Worker<C, R> worker, Predicate<R> succeeded, boolean stopAfterAFailure) {
        int attempted = 0;
        int succeededInAll = 0;
        List<C> batch;
        do {
            batch = worker.claim().get();
            int succeededInBatch = 0;
            for (C claimed : batch) {
                R outcome = worker.perform().apply(claimed);
                worker.record().accept(claimed, outcome);
                attempted++;
                if (succeeded.test(outcome)) {
                    succeededInBatch++;
                }
            }
            succeededInAll += succeededInBatch;
            if (stopAfterAFailure && succeededInBatch < batch.size()) {
                break;
            }
        } while (batch.size() == batchSize);
        return new Run(attempted, succeededInAll);
    }

    /**
     * Until when a batch of {@code items} claimed at {@code now} is the claimer's: the work is done one item after
     * the other, so the lease covers {@code perItem} (the longest one item's work may take) for each, with a margin.
     */
    public static Instant lease(Instant now, Duration perItem, int items) {
        return StoredTime.of(now.plus(perItem.multipliedBy(Math.max(items, 1))).plus(LEASE_MARGIN));
    }
}
