package nl.metrokaart.programme.dependency;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one project depends on another: an interchange on the metro map. */
@Schema(name = "DependencyType", type = SchemaType.STRING, enumeration = {"must-finish-before", "influences"},
        description = "must-finish-before: the predecessor must be realised (plus lag) before this project starts; "
                + "influences: a choice in the predecessor affects this project.")
public enum DependencyType implements ApiValue {
    MUST_FINISH_BEFORE("must-finish-before"),
    INFLUENCES("influences");

    private final String value;

    DependencyType(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /**
     * Stores a type by its value. Jackson reads requests through the {@link JsonValue}: an unknown value then fails
     * as a mismatched input with its field path, which the problem details turn into invalidParams.
     */
    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<DependencyType> {
        public Converter() {
            super(DependencyType.class);
        }
    }
}
