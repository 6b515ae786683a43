package nl.metrokaart.newsletter.meeting;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a meeting is on. Not a column of its own: a meeting is cancelled exactly when it has a
 * {@code cancelled_at} (see {@link Meeting#status()}).
 */
@Schema(name = "MeetingStatus", type = SchemaType.STRING, enumeration = {"scheduled", "cancelled"},
        description = "scheduled, or cancelled (then it no longer changes).")
public enum MeetingStatus implements ApiValue {
    SCHEDULED("scheduled"),
    CANCELLED("cancelled");

    private final String value;

    MeetingStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
