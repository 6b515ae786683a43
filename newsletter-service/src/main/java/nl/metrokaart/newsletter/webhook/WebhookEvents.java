package nl.metrokaart.newsletter.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Webhook bodies: CloudEvents 1.0 in the structured JSON format ({@code application/cloudevents+json}). */
final class WebhookEvents {

    /** The type of the test delivery that verifies a callback URL at registration. */
    static final String VERIFICATION_TYPE = "nl.metrokaart.newsletter.webhook-verification";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {
    }

    static String structured(String id, String source, String type, String subject, Instant time, JsonNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CloudEvent could not be written", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
