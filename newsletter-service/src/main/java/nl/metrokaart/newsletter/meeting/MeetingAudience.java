package nl.metrokaart.newsletter.meeting;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a meeting is for. */
@Schema(name = "MeetingAudience", type = SchemaType.STRING,
        enumeration = {"all-staff", "secretaries", "steering-committee"},
        description = "all-staff: everyone working in the programme; secretaries: the municipal secretaries "
                + "(gemeentesecretarissen); steering-committee: the members of the steering committee (stuurgroep).")
public enum MeetingAudience implements ApiValue {
    ALL_STAFF("all-staff"),
    SECRETARIES("secretaries"),
    STEERING_COMMITTEE("steering-committee");

    private final String value;

    MeetingAudience(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<MeetingAudience> {
        public Converter() {
            super(MeetingAudience.class);
        }
    }
}
