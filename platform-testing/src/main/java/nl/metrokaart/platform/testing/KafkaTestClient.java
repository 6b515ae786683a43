package nl.metrokaart.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests that play another service: send CloudEvents (binary binding) or deliberately
 * broken records to a real broker, and read what landed on a topic (e.g. a dead-letter topic).
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Sends a CloudEvent in the binary binding, as the outbox relay of another service would. */
    public void sendCloudEvent(String topic, String key, String id, String source, String type, String subject,
            String jsonData) {
        sendCloudEvent(topic, key, id, source, type, subject, jsonData, Instant.now());
    }

    /** Sends a CloudEvent in the binary binding that occurred at {@code time}. */
    public void sendCloudEvent(String topic, String key, String id, String source, String type, String subject,
            String jsonData, Instant time) {
        sendAll(List.of(cloudEvent(topic, key, id, source, type, subject, jsonData, time)));
    }

    /** A CloudEvent in the binary binding that occurred at {@code time}, to send (e.g. with others, {@link #sendAll}). */
    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String id, String source,
            String type, String subject, String jsonData, Instant time) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", source);
        headers.put("ce_type", type);
        if (subject != null) {
            headers.put("ce_subject", subject);
        }
        headers.put("ce_time", time.toString());
        headers.put("content-type", "application/json");
        return record(topic, key, headers, jsonData);
    }

    /** Sends a record with exactly these headers and value, e.g. one missing required CloudEvents attributes. */
    public void send(String topic, String key, Map<String, String> headers, String value) {
        sendAll(List.of(record(topic, key, headers, value)));
    }

    private static ProducerRecord<String, String> record(String topic, String key, Map<String, String> headers,
            String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Sends the records together, in order, with one flush, and waits until Kafka acknowledged them all: records of
     * one key land in one produce batch, so an idle consumer polls them as one batch.
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        List<Future<?>> sent = records.stream().<Future<?>>map(producer::send).toList();
        producer.flush();
        try {
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        }
    }

    /** Reads a topic from the beginning until {@code expected} records arrived or the timeout passed. */
    public List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        return readUntil(topic, records -> records.size() >= expected, timeout);
    }

    /** Reads a topic from the beginning until what was read is {@code enough} or the timeout passed. */
    public List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!enough.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The first record of the topic (read from its beginning, without a consumer group) that matches, waiting up to
     * {@code timeout} for it; fails the test when none came.
     */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                // The topic exists once the relay published its first event.
                try {
                    var found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    partitions = found == null ? List.of()
                            : found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    partitions = List.of();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout.toSeconds() + " seconds");
    }

    /** A record header as text (e.g. {@code ce_type}); null when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
