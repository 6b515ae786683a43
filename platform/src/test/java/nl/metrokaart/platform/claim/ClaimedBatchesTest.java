package nl.metrokaart.platform.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimedBatchesTest {

    /** Claims from a queue of due items, at most {@code batch} at a time; records what it was told. */
    static final class Queue {
        final Deque<Integer> due = new ArrayDeque<>();
        final List<String> log = new ArrayList<>();
        final int batch;

        Queue(int batch, int items) {
            this.batch = batch;
            for (int i = 1; i <= items; i++) {
                due.add(i);
            }
        }

        ClaimedBatches.Worker<Integer, Boolean> worker(java.util.function.Predicate<Integer> works) {
            return new ClaimedBatches.Worker<>(() -> {
                List<Integer> claimed = new ArrayList<>();
                while (claimed.size() < batch && !due.isEmpty()) {
                    claimed.add(due.poll());
                }
                log.add("claim " + claimed);
                return claimed;
            }, works::test, (item, ok) -> log.add("record " + item + (ok ? " ok" : " failed")));
        }
    }

    @Test
    void batchesFollowEachOtherWhileFullAndEachOutcomeIsRecordedAfterItsWork() {
        Queue queue = new Queue(2, 5);
        ClaimedBatches.Run run = ClaimedBatches.drain(2, queue.worker(i -> i != 4), ok -> ok, false);
        assertEquals(new ClaimedBatches.Run(5, 4), run);
        assertEquals(List.of("claim [1, 2]", "record 1 ok", "record 2 ok", "claim [3, 4]", "record 3 ok",
                "record 4 failed", "claim [5]", "record 5 ok"), queue.log);
    }

    @Test
    void aFullLastBatchIsFollowedByAnEmptyClaim() {
        Queue queue = new Queue(2, 2);
        assertEquals(new ClaimedBatches.Run(2, 2), ClaimedBatches.drain(2, queue.worker(i -> true), ok -> ok, false));
        assertEquals(List.of("claim [1, 2]", "record 1 ok", "record 2 ok", "claim []"), queue.log);
    }

    @Test
    void aBatchWithAFailureEndsTheRunWhenAsked() {
        Queue queue = new Queue(2, 6);
        ClaimedBatches.Run run = ClaimedBatches.drain(2, queue.worker(i -> i != 3), ok -> ok, true);
        assertEquals(new ClaimedBatches.Run(4, 3), run);
        assertEquals(List.of(5, 6), List.copyOf(queue.due), "left for the next run");
    }

    @Test
    void theLeaseCoversEveryItemOfTheBatchWithAMargin() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Instant.parse("2026-12-01T10:02:00Z"), ClaimedBatches.lease(now, Duration.ofSeconds(30), 3));
        assertEquals(Instant.parse("2026-12-01T10:01:00Z"), ClaimedBatches.lease(now, Duration.ofSeconds(30), 0),
                "an empty batch still gets one item's lease");
    }
}
