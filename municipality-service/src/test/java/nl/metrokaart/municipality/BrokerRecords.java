package nl.metrokaart.municipality;

import java.time.Duration;
import java.util.function.Predicate;
import nl.metrokaart.platform.testing.KafkaTestClient;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what the outbox relay published on this service's test broker, as any consumer of this service would. */
public final class BrokerRecords {

    private BrokerRecords() {
    }

    /** The first record of the topic (from its beginning) that matches, waiting up to 30 seconds for it. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        try (KafkaTestClient kafka = new KafkaTestClient(PostgresKafkaResource.broker().bootstrapServers())) {
            return kafka.awaitRecord(topic, matching, Duration.ofSeconds(30));
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaTestClient.header(record, name);
    }
}
