package nl.metrokaart.newsletter.activity;

import java.util.List;

/** The event types of other services that the activity feed records, one activity each. */
public final class ActivityTypes {

    private static final String PROGRAMME = "nl.metrokaart.programme.";
    private static final String MUNICIPALITY = "nl.metrokaart.municipality.";

    /** The event types the feed records, by the service that publishes them. */
    public static final List<String> RECORDED = List.of(
            PROGRAMME + "project-created", PROGRAMME + "project-changed", PROGRAMME + "project-status-changed",
            PROGRAMME + "project-priority-changed", PROGRAMME + "milestone-scheduled", PROGRAMME + "milestone-rescheduled",
            PROGRAMME + "milestone-achieved", PROGRAMME + "milestone-missed", PROGRAMME + "dependency-added",
            PROGRAMME + "dependency-removed",
            MUNICIPALITY + "participation-registered", MUNICIPALITY + "participation-changed",
            MUNICIPALITY + "variant-choice-made", MUNICIPALITY + "variant-choice-changed",
            MUNICIPALITY + "decision-recorded", MUNICIPALITY + "decision-changed",
            MUNICIPALITY + "allocation-key-chosen", MUNICIPALITY + "cost-allocation-changed");

    private ActivityTypes() {
    }
}
