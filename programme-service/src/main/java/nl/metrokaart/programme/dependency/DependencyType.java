package nl.metrokaart.programme.dependency;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.problem.ProblemTexts;

/** How one project depends on another: an interchange on the metro map. */
@Schema(name = "DependencyType", type = SchemaType.STRING, enumeration = {"must-finish-before", "influences"},
        description = "must-finish-before: the predecessor must be realised (plus lag) before this project starts; "
                + "influences: a choice in the predecessor affects this project.")
public enum DependencyType {
    MUST_FINISH_BEFORE("must-finish-before"),
    INFLUENCES("influences");

    private final String value;

    DependencyType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /**
     * For the database converter. Jackson reads the {@link JsonValue} instead: an unknown value then fails as a
     * mismatched input with its field path, which the problem details turn into invalidParams.
     */
    public static DependencyType of(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", Arrays.stream(values())
                        .map(DependencyType::value).toList())));
    }
}
