package nl.metrokaart.programme.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import nl.metrokaart.platform.outbox.Outbox;

/**
 * The events programme-service publishes (documented in {@code asyncapi.yaml}): their topics, CloudEvents types
 * and subjects. Every event about a project, its milestones and dependencies goes to one topic keyed by the
 * project id, so consumers see them in order per project.
 */
@ApplicationScoped
public class ProgrammeEvents {

    public static final String PROJECTS_TOPIC = "metrokaart.programme.projects";
    public static final String PROGRAMMES_TOPIC = "metrokaart.programme.programmes";

    private static final String PREFIX = "nl.metrokaart.programme.";
    public static final String PROGRAMME_CREATED = PREFIX + "programme-created";
    public static final String PROGRAMME_CHANGED = PREFIX + "programme-changed";
    public static final String PROJECT_CREATED = PREFIX + "project-created";
    public static final String PROJECT_CHANGED = PREFIX + "project-changed";
    public static final String PROJECT_STATUS_CHANGED = PREFIX + "project-status-changed";
    public static final String PROJECT_PRIORITY_CHANGED = PREFIX + "project-priority-changed";
    public static final String MILESTONE_SCHEDULED = PREFIX + "milestone-scheduled";
    public static final String MILESTONE_RESCHEDULED = PREFIX + "milestone-rescheduled";
    public static final String MILESTONE_ACHIEVED = PREFIX + "milestone-achieved";
    public static final String MILESTONE_MISSED = PREFIX + "milestone-missed";
    /** Title, key flag or achievement date changed (not the due date: that is rescheduled). */
    public static final String MILESTONE_CHANGED = PREFIX + "milestone-changed";
    /** The achievement was withdrawn: the milestone is open (or missed) again. */
    public static final String MILESTONE_UNACHIEVED = PREFIX + "milestone-unachieved";
    /** Tombstone: the milestone is gone; data carries only its id, project and version. */
    public static final String MILESTONE_DELETED = PREFIX + "milestone-deleted";
    public static final String DEPENDENCY_ADDED = PREFIX + "dependency-added";
    public static final String DEPENDENCY_REMOVED = PREFIX + "dependency-removed";

    @Inject
    Outbox outbox;

    /** Records an event about a project (or one of its milestones or dependencies) in the current transaction. */
    public void aboutProject(UUID projectId, String type, Object data) {
        outbox.record(PROJECTS_TOPIC, projectId.toString(), type, "projects/" + projectId, data);
    }

    public void aboutProgramme(UUID programmeId, String type, Object data) {
        outbox.record(PROGRAMMES_TOPIC, programmeId.toString(), type, "programmes/" + programmeId, data);
    }
}
