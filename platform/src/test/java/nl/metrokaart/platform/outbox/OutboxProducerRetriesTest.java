package nl.metrokaart.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The outbox channel as the platform configures it: the connector does not re-send, and the producer it builds (after
 * {@link OutboxProducerRetries}) is a valid idempotent producer that never gives up on a retriable error.
 */
class OutboxProducerRetriesTest {

    private static final String PREFIX = "mp.messaging.outgoing.outbox.";

    private static Map<String, Object> channelConfig() throws IOException {
        // The platform's own configuration (the test classpath has a microprofile-config.properties of its own too).
        Properties properties = new Properties();
        Enumeration<URL> sources = OutboxProducerRetriesTest.class.getClassLoader()
                .getResources("META-INF/microprofile-config.properties");
        while (sources.hasMoreElements()) {
            try (InputStream in = sources.nextElement().openStream()) {
                properties.load(in);
            }
        }
        Map<String, Object> config = new HashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                .forEach(name -> config.put(name.substring(PREFIX.length()), properties.getProperty(name)));
        // What the connector leaves out of the producer's configuration.
        config.keySet().removeAll(Set.of("connector", "topic", "cloud-events", "cloud-events-mode"));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return config;
    }

    @Test
    void theConnectorDoesNotResendAndTheProducerRetriesInOrderWithoutLimit() throws IOException {
        Map<String, Object> config = channelConfig();
        assertEquals("0", config.get(ProducerConfig.RETRIES_CONFIG), "no re-sends by the connector");
        // As the connector hands it over, the idempotent producer refuses it.
        assertThrows(ConfigException.class, () -> new ProducerConfig(new HashMap<>(config)));

        ProducerConfig producer = new ProducerConfig(new OutboxProducerRetries().customize("outbox", null, config));
        assertTrue(producer.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("-1", producer.getString(ProducerConfig.ACKS_CONFIG));
        assertEquals(Integer.MAX_VALUE, producer.getInt(ProducerConfig.RETRIES_CONFIG));
        assertEquals(Integer.MAX_VALUE, producer.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertTrue(producer.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG) >= Integer.MAX_VALUE);
        assertTrue(producer.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) <= 5);
    }

    @Test
    void otherChannelsAreLeftAlone() {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.RETRIES_CONFIG, "3"));
        new OutboxProducerRetries().customize("programme-projects", null, config);
        assertEquals("3", config.get(ProducerConfig.RETRIES_CONFIG));
        assertFalse(config.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }
}
