package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.problem.ProblemTexts;

/** What a subscriber follows. */
@Schema(name = "Follows", type = SchemaType.STRING, enumeration = {"everything", "projects", "key-milestones"},
        description = "everything: every activity; projects: the activities of the projects in projectIds;"
                + " key-milestones: only activities about key milestones.")
public enum Follows {
    EVERYTHING("everything"),
    PROJECTS("projects"),
    KEY_MILESTONES("key-milestones");

    private final String value;

    Follows(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** For stored values only; requests are read through {@link JsonValue} (unknown values: 400 naming the field). */
    public static Follows of(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", Arrays.stream(values())
                        .map(Follows::value).toList())));
    }
}
