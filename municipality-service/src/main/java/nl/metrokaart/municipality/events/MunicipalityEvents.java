package nl.metrokaart.municipality.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import nl.metrokaart.platform.outbox.Outbox;

/**
 * The events municipality-service publishes: their topics, CloudEvents types and subjects. Events about one
 * municipality (its registration, participations, variant choices) are keyed by its CBS code; events about one project (decisions,
 * allocation keys, cost allocations) by the project id, so consumers see them in order per key.
 */
@ApplicationScoped
public class MunicipalityEvents {

    public static final String MUNICIPALITIES_TOPIC = "metrokaart.municipality.municipalities";
    public static final String PROJECTS_TOPIC = "metrokaart.municipality.projects";

    private static final String PREFIX = "nl.metrokaart.municipality.";
    public static final String MUNICIPALITY_REGISTERED = PREFIX + "municipality-registered";
    public static final String MUNICIPALITY_CHANGED = PREFIX + "municipality-changed";
    public static final String PARTICIPATION_REGISTERED = PREFIX + "participation-registered";
    public static final String PARTICIPATION_CHANGED = PREFIX + "participation-changed";
    public static final String VARIANT_CHOICE_MADE = PREFIX + "variant-choice-made";
    public static final String VARIANT_CHOICE_CHANGED = PREFIX + "variant-choice-changed";
    public static final String DECISION_RECORDED = PREFIX + "decision-recorded";
    public static final String DECISION_CHANGED = PREFIX + "decision-changed";
    public static final String ALLOCATION_KEY_CHOSEN = PREFIX + "allocation-key-chosen";
    public static final String COST_ALLOCATION_CHANGED = PREFIX + "cost-allocation-changed";

    @Inject
    Outbox outbox;

    /** Records that a municipality was registered or changed (name, secretary...), subject {@code municipalities/{code}}. */
    public void municipality(String municipalityCode, String type, Object data) {
        outbox.record(MUNICIPALITIES_TOPIC, municipalityCode, type, "municipalities/" + municipalityCode, data);
    }

    /** Records an event about a municipality, e.g. subject {@code participations/{projectId}}, in the current transaction. */
    public void aboutMunicipality(String municipalityCode, String relativeSubject, String type, Object data) {
        outbox.record(MUNICIPALITIES_TOPIC, municipalityCode, type,
                "municipalities/" + municipalityCode + "/" + relativeSubject, data);
    }

    /** Records an event about a project, with subject e.g. {@code decisions/{id}} or {@code cost-allocations/{projectId}}. */
    public void aboutProject(UUID projectId, String subject, String type, Object data) {
        outbox.record(PROJECTS_TOPIC, projectId.toString(), type, subject, data);
    }
}
