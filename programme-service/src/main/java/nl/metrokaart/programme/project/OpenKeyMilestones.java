package nl.metrokaart.programme.project;

import java.util.List;
import java.util.UUID;

/**
 * Query port of the status rules: a project is not realised while a key milestone is open. The milestone feature
 * answers it, so that project does not depend on milestone (which depends on project).
 */
public interface OpenKeyMilestones {

    /** The project's key milestones not yet achieved, by due date. */
    List<OpenMilestone> openKeyMilestones(UUID projectId);

    record OpenMilestone(UUID id, String title) {
    }
}
