package nl.metrokaart.newsletter.meeting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.problem.ProblemTexts;

/** Who a meeting is for. */
@Schema(name = "MeetingAudience", type = SchemaType.STRING,
        enumeration = {"all-staff", "secretaries", "steering-committee"},
        description = "all-staff: everyone working in the programme; secretaries: the municipal secretaries "
                + "(gemeentesecretarissen); steering-committee: the members of the steering committee (stuurgroep).")
public enum MeetingAudience {
    ALL_STAFF("all-staff"),
    SECRETARIES("secretaries"),
    STEERING_COMMITTEE("steering-committee");

    private final String value;

    MeetingAudience(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /**
     * For stored values only. Jackson reads requests through {@link JsonValue} instead, so that an unknown value
     * fails as an invalid format naming the field (400 with invalidParams), not as a failed creator.
     */
    public static MeetingAudience of(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", Arrays.stream(values())
                        .map(MeetingAudience::value).toList())));
    }
}
