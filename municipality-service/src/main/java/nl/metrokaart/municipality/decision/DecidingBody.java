package nl.metrokaart.municipality.decision;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who took a decision: the programme's joint bodies (steering committee, meeting of the municipal secretaries)
 * or a body of one municipality (its executive, college van B&amp;W, or its council).
 */
@Schema(name = "DecidingBody", type = SchemaType.STRING,
        enumeration = {"steering-committee", "secretaries-meeting", "municipal-executive", "council"})
public enum DecidingBody implements ApiValue {
    STEERING_COMMITTEE("steering-committee"),
    SECRETARIES_MEETING("secretaries-meeting"),
    MUNICIPAL_EXECUTIVE("municipal-executive"),
    COUNCIL("council");

    private final String value;

    DecidingBody(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** A body of one municipality, which the decision must then name. */
    public boolean isMunicipal() {
        return this == MUNICIPAL_EXECUTIVE || this == COUNCIL;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<DecidingBody> {
        public Converter() {
            super(DecidingBody.class);
        }
    }
}
