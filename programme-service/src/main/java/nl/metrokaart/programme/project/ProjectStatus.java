package nl.metrokaart.programme.project;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The life of a project, as a state machine: {@link #allowedNext()} lists the legal transitions. */
@Schema(name = "ProjectStatus", type = SchemaType.STRING,
        enumeration = {"proposed", "planned", "in-progress", "at-risk", "on-hold", "realised", "cancelled"})
public enum ProjectStatus implements ApiValue {
    PROPOSED("proposed"),
    PLANNED("planned"),
    IN_PROGRESS("in-progress"),
    AT_RISK("at-risk"),
    ON_HOLD("on-hold"),
    REALISED("realised"),
    CANCELLED("cancelled");

    private final String value;

    ProjectStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Jackson reads statuses through {@link #value()}; this is for stored values. */
    public static ProjectStatus of(String value) {
        return ApiValue.parse(ProjectStatus.class, value);
    }

    public Set<ProjectStatus> allowedNext() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(PLANNED, CANCELLED);
            case PLANNED -> EnumSet.of(IN_PROGRESS, ON_HOLD, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(AT_RISK, ON_HOLD, REALISED, CANCELLED);
            case AT_RISK -> EnumSet.of(IN_PROGRESS, ON_HOLD, REALISED, CANCELLED);
            case ON_HOLD -> EnumSet.of(PLANNED, IN_PROGRESS, CANCELLED);
            case REALISED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canBecome(ProjectStatus next) {
        return allowedNext().contains(next);
    }

    /** Statuses in which the project's work has started. */
    public boolean isStarted() {
        return this == IN_PROGRESS || this == AT_RISK || this == REALISED;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<ProjectStatus> {
        public Converter() {
            super(ProjectStatus.class);
        }
    }
}
