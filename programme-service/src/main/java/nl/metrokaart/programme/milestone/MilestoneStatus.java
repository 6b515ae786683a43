package nl.metrokaart.programme.milestone;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a milestone stands; derived, never sent by clients. */
@Schema(name = "MilestoneStatus", type = SchemaType.STRING, enumeration = {"open", "achieved", "missed"},
        description = "open: not yet achieved; achieved: has an achievedDate; "
                + "missed: a key milestone whose due date passed unachieved (set by the daily overdue check).")
public enum MilestoneStatus {
    OPEN("open"),
    ACHIEVED("achieved"),
    MISSED("missed");

    private final String value;

    MilestoneStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static MilestoneStatus of(Milestone milestone) {
        if (milestone.isAchieved()) {
            return ACHIEVED;
        }
        return milestone.missedAt != null ? MISSED : OPEN;
    }
}
