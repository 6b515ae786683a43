package nl.metrokaart.newsletter.alert;

import nl.metrokaart.platform.enums.ApiValue;

/** Why the secretaries were alerted about a key milestone; each milestone is alerted at most once per kind. */
enum MilestoneAlertKind implements ApiValue {
    MISSED("missed"),
    DUE_SOON("due-soon");

    private final String value;

    MilestoneAlertKind(String value) {
        this.value = value;
    }

    /** As stored in {@code milestone_alert.kind}. */
    @Override
    public String value() {
        return value;
    }
}
