package nl.metrokaart.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InFlightSendsTest {

    private final InFlightSends inFlight = new InFlightSends();
    private final AtomicInteger sends = new AtomicInteger();

    private Supplier<CompletableFuture<Void>> send() {
        return () -> {
            sends.incrementAndGet();
            return new CompletableFuture<>();
        };
    }

    @Test
    void anEventStillInFlightIsAwaitedByTheNextRunNotSentAgain() {
        CompletableFuture<Void> first = inFlight.sendOnce(3, send());
        CompletableFuture<Void> again = inFlight.sendOnce(3, send());
        assertSame(first, again);
        assertEquals(1, sends.get());
        inFlight.sendOnce(4, send());
        assertEquals(2, sends.get());
        assertEquals(2, inFlight.size());
    }

    @Test
    void anEventWhoseSendFailedIsSentAnewOnceTheRelayRecordedTheFailure() {
        CompletableFuture<Void> failed = inFlight.sendOnce(3, send());
        failed.completeExceptionally(new IllegalStateException("producer closed"));
        // Until the relay recorded the outcome, the next run sees the failed send (and records it).
        assertSame(failed, inFlight.sendOnce(3, send()));
        inFlight.settled(3);
        assertNotSame(failed, inFlight.sendOnce(3, send()));
        assertEquals(2, sends.get());
    }

    @Test
    void settledSendsOfEventsNoLongerPendingAreForgottenThoseInFlightKept() {
        CompletableFuture<Void> publishedElsewhere = inFlight.sendOnce(1, send());
        inFlight.sendOnce(2, send()); // in flight, another instance published it meanwhile
        CompletableFuture<Void> pending = inFlight.sendOnce(3, send());
        publishedElsewhere.complete(null);
        pending.complete(null);
        inFlight.forgetSettledExcept(List.of(3L));
        assertEquals(2, inFlight.size());
        assertSame(pending, inFlight.sendOnce(3, send()));
        inFlight.sendOnce(2, send());
        assertEquals(3, sends.get(), "position 2 is still in flight, so not sent again");
        inFlight.sendOnce(1, send());
        assertEquals(4, sends.get(), "position 1 was forgotten");
    }
}
