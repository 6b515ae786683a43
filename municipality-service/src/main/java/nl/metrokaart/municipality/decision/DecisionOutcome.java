package nl.metrokaart.municipality.decision;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a decision says about a project's way of working: the same for all, or room for municipal variants. */
@Schema(name = "DecisionOutcome", type = SchemaType.STRING, enumeration = {"uniform", "variants-allowed"})
public enum DecisionOutcome implements ApiValue {
    UNIFORM("uniform"),
    VARIANTS_ALLOWED("variants-allowed");

    private final String value;

    DecisionOutcome(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<DecisionOutcome> {
        public Converter() {
            super(DecisionOutcome.class);
        }
    }
}
