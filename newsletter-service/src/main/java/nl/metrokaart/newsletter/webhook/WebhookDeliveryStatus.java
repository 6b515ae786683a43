package nl.metrokaart.newsletter.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where one delivery of an event to one subscription stands; only a pending one is (re)tried. */
@Schema(name = "WebhookDeliveryStatus", type = SchemaType.STRING,
        enumeration = {"pending", "delivered", "failed", "abandoned"},
        description = "pending: to be (re)tried; delivered: answered 2xx; failed: every attempt failed; "
                + "abandoned: not tried further because the subscription was disabled.")
public enum WebhookDeliveryStatus implements ApiValue {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed"),
    ABANDONED("abandoned");

    private final String value;

    WebhookDeliveryStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<WebhookDeliveryStatus> {
        public Converter() {
            super(WebhookDeliveryStatus.class);
        }
    }
}
