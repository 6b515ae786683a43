package nl.metrokaart.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a Kafka record in the CloudEvents Kafka binary binding: attributes from the {@code ce_*} headers, the
 * JSON data from the value. The connector's own CloudEvents parsing is switched off for our channels so that a
 * broken record reaches us, and becomes a {@link MalformedEventException}, instead of failing the channel.
 */
final class CloudEventRecords {

    private CloudEventRecords() {
    }

    static ReceivedEvent read(ConsumerRecord<String, String> record, ObjectMapper objectMapper) {
        String specVersion = header(record, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new MalformedEventException("ce_specversion must be 1.0, was " + specVersion);
        }
        String id = required(record, "ce_id");
        String source = required(record, "ce_source");
        String type = required(record, "ce_type");
        String subject = header(record, "ce_subject");
        OffsetDateTime time = time(header(record, "ce_time"));
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.startsWith("application/json")) {
            throw new MalformedEventException("Event " + id + " has content-type " + contentType + ", expected application/json");
        }
        return new ReceivedEvent(id, source, type, subject, time, data(id, record.value(), objectMapper));
    }

    private static JsonNode data(String id, String value, ObjectMapper objectMapper) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Event " + id + " has no data");
        }
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event " + id + " data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + value, e);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Required CloudEvents attribute " + name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
