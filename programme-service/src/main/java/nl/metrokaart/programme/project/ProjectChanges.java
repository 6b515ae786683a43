package nl.metrokaart.programme.project;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.StoredTime;

/** What every change of a project does, whichever rule makes it: lock the row, number the change, record a status. */
@ApplicationScoped
class ProjectChanges {

    /** Arbitrary constant naming the advisory lock that orders project changes. */
    private static final long CHANGE_FEED_LOCK = 0x6d6b7072L;

    @Inject
    EntityManager entityManager;

    @Inject
    SecurityIdentity identity;

    Project lock(UUID id) {
        Project project = entityManager.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProjectService.notFound(id);
        }
        return project;
    }

    /**
     * Gives the project the next change number, in commit order (the lock is held until commit). Called before
     * the project's fields change, so that its queries flush nothing and the version grows by one per change.
     */
    void touch(Project project) {
        AdvisoryLocks.lock(entityManager, CHANGE_FEED_LOCK);
        project.changeSeq = ((Number) entityManager.createNativeQuery("SELECT nextval('project_change_seq')")
                .getSingleResult()).longValue();
        project.updatedAt = StoredTime.now();
    }

    ProjectStatusChange recordStatus(Project project, ProjectStatus from, ProjectStatus to, String explanation) {
        ProjectStatusChange change = new ProjectStatusChange();
        change.id = UUID.randomUUID();
        change.projectId = project.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.explanation = explanation;
        change.changedBy = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        change.changedAt = StoredTime.now();
        change.persist();
        return change;
    }
}
