package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a subscriber follows. */
@Schema(name = "Follows", type = SchemaType.STRING, enumeration = {"everything", "projects", "key-milestones"},
        description = "everything: every activity; projects: the activities of the projects in projectIds;"
                + " key-milestones: only activities about key milestones.")
public enum Follows implements ApiValue {
    EVERYTHING("everything"),
    PROJECTS("projects"),
    KEY_MILESTONES("key-milestones");

    private final String value;

    Follows(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<Follows> {
        public Converter() {
            super(Follows.class);
        }
    }
}
