package nl.metrokaart.programme.project;

import java.util.List;
import java.util.UUID;

/**
 * Query port of the status rules: a project starts only after its must-finish-before predecessors are realised.
 * The dependency feature answers it, so that project does not depend on dependency (which depends on project).
 */
public interface MustFinishBeforePredecessors {

    /** The ids of the projects that must finish before this one starts. */
    List<UUID> mustFinishBefore(UUID projectId);
}
