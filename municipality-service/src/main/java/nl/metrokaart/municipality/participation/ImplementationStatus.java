package nl.metrokaart.municipality.participation;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far a municipality is in implementing a project locally. */
@Schema(name = "ImplementationStatus", type = SchemaType.STRING,
        enumeration = {"not-started", "preparing", "implementing", "live"})
public enum ImplementationStatus implements ApiValue {
    NOT_STARTED("not-started"),
    PREPARING("preparing"),
    IMPLEMENTING("implementing"),
    LIVE("live");

    private final String value;

    ImplementationStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<ImplementationStatus> {
        public Converter() {
            super(ImplementationStatus.class);
        }
    }
}
