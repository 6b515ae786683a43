package nl.metrokaart.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The admin's re-drive of dead-lettered records: puts every record of a service's dead-letter topic not re-driven
 * before back on the topic it came from (header {@code dead-letter-topic}), with its key and CloudEvents headers, so
 * the service consumes it again once the cause is mended. Idempotent: the dead-letter topic is read in a consumer
 * group whose offsets are committed after the records were sent, so a second run re-drives only what was
 * dead-lettered since; and should a run stop between sending and committing, the consumer's inbox (dedupe on the
 * event id) applies a record sent twice once.
 *
 * <pre>
 * ./mvnw -q -pl deploy/infra -am compile
 * ./mvnw -q -pl deploy/infra exec:java -Dexec.mainClass=nl.metrokaart.infra.DeadLetterRedrive \
 *     -Dexec.args="localhost:9092 metrokaart.newsletter-service.dead-letter"
 * </pre>
 */
public final class DeadLetterRedrive {

    static final String GROUP = "metrokaart-dead-letter-redrive";

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DeadLetterRedrive <bootstrap-servers> <dead-letter-topic>");
            System.exit(2);
        }
        int redriven = redrive(args[0], args[1], Duration.ofMinutes(2));
        System.out.println("Re-drove " + redriven + " record(s) of " + args[1]);
    }

    /**
     * Re-drives what was dead-lettered (up to the moment the run began) and not yet re-driven; returns how many
     * records were sent back.
     */
    public static int redrive(String bootstrapServers, String deadLetterTopic, Duration timeout) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP + "." + deadLetterTopic);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int redriven = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            // Only what was dead-lettered when the run began: a record that fails again is dead-lettered anew, for a
            // later run, instead of going round in this one.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Dead-letter topic " + deadLetterTopic + " not read to its end in " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    String origin = header(record, "dead-letter-topic");
                    if (origin == null) {
                        System.err.println("Skipped " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + ": no dead-letter-topic header");
                        continue;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith("dead-letter-")) {
                            headers.add(header);
                        }
                    }
                    producer.send(new ProducerRecord<>(origin, null, record.key(), record.value(), headers));
                    redriven++;
                }
            }
            producer.flush(); // sent before the offsets say so
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
        }
        return redriven;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
