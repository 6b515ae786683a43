package nl.metrokaart.newsletter.activity;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an activity is about, read by the consumer from its event's typed data: the project, the project's code
 * where the event names it (for a project not yet known here), the municipality it names, the municipalities
 * paying a share of a cost, and whether it is about a key milestone.
 */
public record ActivitySubject(UUID projectId, String projectCode, String municipalityCode,
        Set<String> payingMunicipalities, boolean keyMilestone) {

    public ActivitySubject {
        Objects.requireNonNull(projectId, "projectId");
        payingMunicipalities = Set.copyOf(payingMunicipalities);
    }

    /** An event about a project as such. */
    public static ActivitySubject project(UUID projectId, String projectCode) {
        return new ActivitySubject(projectId, projectCode, null, Set.of(), false);
    }

    /** An event about a milestone of the project. */
    public static ActivitySubject milestone(UUID projectId, boolean keyMilestone) {
        return new ActivitySubject(projectId, null, null, Set.of(), keyMilestone);
    }

    /** An event about what one municipality does in the project. */
    public static ActivitySubject municipality(UUID projectId, String projectCode, String municipalityCode) {
        return new ActivitySubject(projectId, projectCode, municipalityCode, Set.of(), false);
    }

    /** An event about the project's costs, which concerns every municipality paying a share. */
    public static ActivitySubject costs(UUID projectId, String projectCode, Collection<String> payingMunicipalities) {
        return new ActivitySubject(projectId, projectCode, null, Set.copyOf(payingMunicipalities), false);
    }

    /** The municipality the event names, and each one paying a share of a cost allocation. */
    Set<String> concernedMunicipalities() {
        Set<String> codes = new TreeSet<>(payingMunicipalities);
        if (municipalityCode != null) {
            codes.add(municipalityCode);
        }
        return codes;
    }
}
