package nl.metrokaart.newsletter.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import nl.metrokaart.platform.inbox.MalformedEventException;

/**
 * Keeps {@link KnownProject} and {@link KnownMilestone} from programme-service's event data, bound to the typed
 * records of {@link ProgrammeEventData} (data that does not bind is an invalid event, for the dead-letter topic).
 * Events may come twice or out of order: a copy is only replaced by a higher source version.
 */
@ApplicationScoped
public class ProjectKnowledge {

    @Inject
    ObjectMapper objectMapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(JsonNode data) {
        ProgrammeEventData.Project project = bind(data, ProgrammeEventData.Project.class);
        KnownProject known = KnownProject.findById(project.id());
        if (known != null && project.version() <= known.sourceVersion) {
            return;
        }
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownProject();
            known.id = project.id();
        }
        known.code = project.code();
        known.name = project.name();
        known.status = project.status();
        known.sourceVersion = project.version();
        if (isNew) {
            known.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void milestone(JsonNode data) {
        ProgrammeEventData.Milestone milestone = bind(data, ProgrammeEventData.Milestone.class);
        KnownMilestone known = KnownMilestone.findById(milestone.id());
        if (known != null && milestone.version() <= known.sourceVersion) {
            return;
        }
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownMilestone();
            known.id = milestone.id();
        }
        known.projectId = milestone.projectId();
        known.title = milestone.title();
        known.dueDate = milestone.dueDate();
        known.achievedDate = milestone.achievedDate();
        known.key = milestone.key();
        known.status = milestone.status();
        known.sourceVersion = milestone.version();
        if (isNew) {
            known.persist();
        }
    }

    /** The tombstone of a milestone: its copy goes, so no alert is sent about it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void milestoneDeleted(JsonNode data) {
        KnownMilestone.deleteById(bind(data, ProgrammeEventData.MilestoneDeleted.class).id());
    }

    public Optional<KnownProject> project(UUID id) {
        return id == null ? Optional.empty() : KnownProject.findByIdOptional(id);
    }

    private <T> T bind(JsonNode data, Class<T> type) {
        try {
            return objectMapper.treeToValue(data, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("Event data does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
