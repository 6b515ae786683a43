package nl.metrokaart.platform.outbox;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sends of this instance's producer whose outcome the relay has not recorded yet, by outbox position, across
 * relay runs.
 * <p>
 * The producer never gives up on a retriable error (Kafka away), so a send still in flight is delivered once the
 * broker is back, in order with the sends after it. Sent anew, its copy would land behind later events of its key
 * (issue 13: versions 0, 1, 2, 4 ... 19, 3, 20). So a run awaits the earlier send of an event still in flight, and
 * sends again only an event whose send failed (and was not parked). Only a process restart loses what the producer
 * holds; the relay then sends from the table, in order.
 */
final class InFlightSends {

    private final Map<Long, CompletableFuture<Void>> byPosition = new ConcurrentHashMap<>();

    /** The acknowledgement of the event at {@code position}: of its earlier send if there is one, else of a new send. */
    CompletableFuture<Void> sendOnce(long position, Supplier<CompletableFuture<Void>> send) {
        CompletableFuture<Void> earlier = byPosition.get(position);
        if (earlier != null) {
            return earlier;
        }
        CompletableFuture<Void> ack = send.get();
        byPosition.put(position, ack);
        return ack;
    }

    /** The relay recorded the outcome of the send (published, parked, or failed so that the next run sends anew). */
    void settled(long position) {
        byPosition.remove(position);
    }

    /**
     * Forgets settled sends of events no longer pending (another instance published them meanwhile, or an operator
     * deleted them); sends still in flight are kept until they settle.
     */
    void forgetSettledExcept(Collection<Long> pending) {
        byPosition.entrySet().removeIf(send -> send.getValue().isDone() && !pending.contains(send.getKey()));
    }

    int size() {
        return byPosition.size();
    }
}
