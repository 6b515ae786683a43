package nl.metrokaart.municipality.variant;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality's way of working for a project: the uniform one, or its own variant. */
@Schema(name = "Approach", type = SchemaType.STRING, enumeration = {"uniform", "variant"})
public enum Approach implements ApiValue {
    UNIFORM("uniform"),
    VARIANT("variant");

    private final String value;

    Approach(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<Approach> {
        public Converter() {
            super(Approach.class);
        }
    }
}
