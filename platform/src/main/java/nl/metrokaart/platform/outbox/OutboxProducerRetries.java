package nl.metrokaart.platform.outbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Retries of the outbox channel belong to the Kafka producer alone. The channel sets {@code retries=0}, which turns
 * off the connector's own re-sends: it would send a failed record again later, behind records of its key that were
 * sent after it. The connector also hands {@code retries} to the producer, where the idempotent producer needs it
 * non-zero; so here the producer gets its default back: retry without limit, in order (idempotence, at most 5
 * requests in flight), within the (unlimited) delivery timeout.
 */
@ApplicationScoped
public class OutboxProducerRetries implements ClientCustomizer<Map<String, Object>> {

    static final String CHANNEL = "outbox";

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (CHANNEL.equals(channel)) {
            config.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
        }
        return config;
    }
}
