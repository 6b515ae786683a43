package nl.metrokaart.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Which refusals of Kafka park an event for good and which leave it pending, and how the health check shows it. */
class OutboxRelayTest {

    @Test
    void anEventKafkaCanNeverTakeIsRefusedForGood() {
        assertTrue(OutboxRelay.refusedForGood(new RecordTooLargeException("1.2 MB")));
        assertTrue(OutboxRelay.refusedForGood(new InvalidTopicException("no such topic name")));
        assertTrue(OutboxRelay.refusedForGood(new SerializationException("cannot serialise")));
        // As the emitter's nack and the future hand them over: wrapped.
        assertTrue(OutboxRelay.refusedForGood(new ExecutionException(new CompletionException(new RecordTooLargeException()))));
    }

    @Test
    void aPassingRefusalLeavesTheEventPending() {
        assertFalse(OutboxRelay.refusedForGood(new TimeoutException("Expiring 1 record(s)")));
        assertFalse(OutboxRelay.refusedForGood(new NotLeaderOrFollowerException()));
        assertFalse(OutboxRelay.refusedForGood(new NetworkException("broker away")));
        assertFalse(OutboxRelay.refusedForGood(new ExecutionException(new TimeoutException())));
        // A retriable error outside a non-retriable one decides: it may still go through.
        assertFalse(OutboxRelay.refusedForGood(new NetworkException("away", new RecordTooLargeException())));
    }

    @Test
    void whatIsNotKafkasRefusalIsNotForGood() {
        assertFalse(OutboxRelay.refusedForGood(new java.util.concurrent.TimeoutException("no ack in 30 s")));
        assertFalse(OutboxRelay.refusedForGood(new IllegalStateException("emitter closed")));
        assertFalse(OutboxRelay.refusedForGood(null));
    }

    @Test
    void parkedEventsKeepReadinessUpButTakeTheEventsGroupDown() {
        OutboxHealth health = new OutboxHealth();
        health.relay = new OutboxRelay() {
            @Override
            public long parked() {
                return 2;
            }

            @Override
            public long pending() {
                return 5;
            }
        };
        HealthCheckResponse readiness = health.outbox().call();
        assertEquals(HealthCheckResponse.Status.UP, readiness.getStatus());
        Map<String, Object> data = readiness.getData().orElseThrow();
        assertEquals(5L, data.get("pending"));
        assertEquals(2L, data.get("parked"));
        assertTrue(String.valueOf(data.get("warning")).startsWith("2 events refused by Kafka for good"));
        assertEquals(HealthCheckResponse.Status.DOWN, health.parkedEvents().call().getStatus());

        health.relay = new OutboxRelay();
        assertEquals(HealthCheckResponse.Status.UP, health.parkedEvents().call().getStatus());
        assertFalse(health.outbox().call().getData().orElseThrow().containsKey("warning"));
    }
}
