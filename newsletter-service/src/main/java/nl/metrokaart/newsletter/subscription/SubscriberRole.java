package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The role a subscriber has in the programme: decides which alerts and invitations they get. */
@Schema(name = "SubscriberRole", type = SchemaType.STRING,
        enumeration = {"secretary", "municipality-coordinator", "programme-manager", "steering-committee-member", "staff"},
        description = "secretary: a municipal secretary (gemeentesecretaris), alerted about key milestones and invited"
                + " to secretaries' meetings; steering-committee-member: a member of the steering committee (stuurgroep),"
                + " invited to its meetings; staff: anyone else working in the programme.")
public enum SubscriberRole implements ApiValue {
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
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<SubscriberRole> {
        public Converter() {
            super(SubscriberRole.class);
        }
    }
}
