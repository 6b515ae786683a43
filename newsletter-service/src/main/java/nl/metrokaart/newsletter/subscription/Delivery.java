package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.problem.ProblemTexts;

/** How a subscriber gets what they follow. */
@Schema(name = "Delivery", type = SchemaType.STRING, enumeration = {"per-event", "weekly-digest"},
        description = "per-event: one e-mail per activity, as it happens; weekly-digest: one e-mail a week listing"
                + " the activities since the previous digest.")
public enum Delivery {
    PER_EVENT("per-event"),
    WEEKLY_DIGEST("weekly-digest");

    private final String value;

    Delivery(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** For stored values only; requests are read through {@link JsonValue} (unknown values: 400 naming the field). */
    public static Delivery of(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", Arrays.stream(values())
                        .map(Delivery::value).toList())));
    }
}
