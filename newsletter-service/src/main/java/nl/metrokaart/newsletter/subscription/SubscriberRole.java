package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.problem.ProblemTexts;

/** The role a subscriber has in the programme: decides which alerts and invitations they get. */
@Schema(name = "SubscriberRole", type = SchemaType.STRING,
        enumeration = {"secretary", "municipality-coordinator", "programme-manager", "steering-committee-member", "staff"},
        description = "secretary: a municipal secretary (gemeentesecretaris), alerted about key milestones and invited"
                + " to secretaries' meetings; steering-committee-member: a member of the steering committee (stuurgroep),"
                + " invited to its meetings; staff: anyone else working in the programme.")
public enum SubscriberRole {
    SECRETARY("secretary"),
    MUNICIPALITY_COORDINATOR("municipality-coordinator"),
    PROGRAMME_MANAGER("programme-manager"),
    STEERING_COMMITTEE_MEMBER("steering-committee-member"),
    STAFF("staff");

    private final String value;

    SubscriberRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** For stored values only; requests are read through {@link JsonValue} (unknown values: 400 naming the field). */
    public static SubscriberRole of(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", Arrays.stream(values())
                        .map(SubscriberRole::value).toList())));
    }
}
