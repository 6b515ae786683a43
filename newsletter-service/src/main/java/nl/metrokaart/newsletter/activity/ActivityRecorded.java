package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CDI event fired synchronously, inside the consuming transaction, each time an activity is recorded (once per
 * CloudEvent). Observers (alerts, webhooks) do their part in the same transaction: either all of it happens, or
 * the event is received again and none of it has. {@code data} is the event's data as received (what webhooks
 * pass on), {@code payload} the typed record the consumer bound it to (what observers read).
 */
public record ActivityRecorded(Activity activity, JsonNode data, Record payload) {
}
