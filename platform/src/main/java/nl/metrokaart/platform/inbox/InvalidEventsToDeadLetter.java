package nl.metrokaart.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The failure strategy of every consumer ({@code failure-strategy=metrokaart-dead-letter}): only a record that can
 * never succeed ({@link MalformedEventException}: unreadable, not a CloudEvent, data not fitting its type) goes to
 * the dead-letter topic (the connector's own dead-letter-queue, configured as usual). Any other failure reaching the
 * channel, which the inbox only lets through when its endless retry is interrupted at shutdown, stops the channel
 * without committing the record, so it is consumed again after the restart instead of being dead-lettered.
 */
@ApplicationScoped
@Identifier(InvalidEventsToDeadLetter.STRATEGY)
public class InvalidEventsToDeadLetter implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "metrokaart-dead-letter";

    @Inject
    @Any
    Instance<KafkaFailureHandler.Factory> strategies;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = strategy(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
                .create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler failStop = strategy(KafkaFailureHandler.Strategy.FAIL)
                .create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return invalid(reason) ? deadLetter.handle(record, reason, metadata)
                        : failStop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
                failStop.terminate();
            }
        };
    }

    private KafkaFailureHandler.Factory strategy(String name) {
        return strategies.select(Identifier.Literal.of(name)).get();
    }

    /** Whether the failure means the record can never be applied. */
    public static boolean invalid(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }
}
