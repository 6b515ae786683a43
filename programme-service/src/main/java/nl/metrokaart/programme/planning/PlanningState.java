package nl.metrokaart.programme.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import nl.metrokaart.programme.milestone.Milestone;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a key milestone stands on a given day: the three groups of the planning. */
@Schema(name = "PlanningState", type = SchemaType.STRING, enumeration = {"upcoming", "overdue", "achieved"},
        description = "achieved: has an achieved date; overdue: not achieved and due before today; "
                + "upcoming: not achieved and due today or later.")
public enum PlanningState {
    UPCOMING("upcoming"),
    OVERDUE("overdue"),
    ACHIEVED("achieved");

    private final String value;

    PlanningState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** A milestone due today is still upcoming: it can be achieved until the day is over. */
    public static PlanningState of(Milestone milestone, LocalDate today) {
        if (milestone.isAchieved()) {
            return ACHIEVED;
        }
        return milestone.dueDate.isBefore(today) ? OVERDUE : UPCOMING;
    }
}
