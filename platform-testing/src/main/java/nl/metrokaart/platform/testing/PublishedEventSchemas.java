package nl.metrokaart.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload schemas of a service's AsyncAPI document, by CloudEvents type (the message {@code name}), checked with
 * a maintained JSON Schema validator (networknt, draft 2020-12). A payload's {@code $ref}s resolve within the
 * document: each message is validated against the whole document with a root {@code $ref} to its payload.
 */
public final class PublishedEventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Schema> byType = new HashMap<>();

    private PublishedEventSchemas(JsonNode document) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        JsonNode messages = document.path("components").path("messages");
        for (Iterator<Map.Entry<String, JsonNode>> it = messages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            if (!message.getValue().has("payload") || !message.getValue().has("name")) {
                continue;
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", document.path("components"));
            root.put("$ref", "#/components/messages/" + message.getKey() + "/payload");
            byType.put(message.getValue().path("name").asText(),
                    registry.getSchema(SchemaLocation.of("urn:asyncapi:" + message.getKey()), root));
        }
    }

    /** Reads the AsyncAPI document from the classpath, e.g. {@code META-INF/resources/api/v1/asyncapi.yaml}. */
    public static PublishedEventSchemas fromClasspath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the classpath");
            }
            return new PublishedEventSchemas(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> types() {
        return byType.keySet();
    }

    /** Why the data does not fit the schema of its type; empty when it does; a type without schema is a violation. */
    public List<String> violations(String type, String data) {
        Schema schema = byType.get(type);
        if (schema == null) {
            return List.of("no payload schema for type " + type + " in the AsyncAPI document");
        }
        try {
            return schema.validate(JSON.readTree(data)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            return List.of("data is not JSON: " + e.getMessage());
        }
    }

    /** Fails (the write that published the event, and so its test) when the data does not fit its schema. */
    public void requireValid(String type, String data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Published event " + type + " does not match its AsyncAPI schema: "
                    + violations + "; data: " + data);
        }
    }

    public Optional<Schema> schema(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
