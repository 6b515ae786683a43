package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a subscriber gets what they follow. */
@Schema(name = "Delivery", type = SchemaType.STRING, enumeration = {"per-event", "weekly-digest"},
        description = "per-event: one e-mail per activity, as it happens; weekly-digest: one e-mail a week listing"
                + " the activities since the previous digest.")
public enum Delivery implements ApiValue {
    PER_EVENT("per-event"),
    WEEKLY_DIGEST("weekly-digest");

    private final String value;

    Delivery(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<Delivery> {
        public Converter() {
            super(Delivery.class);
        }
    }
}
