package nl.metrokaart.newsletter.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.metrokaart.platform.inbox.MalformedEventException;

/**
 * Keeps {@link KnownProject} and {@link KnownMilestone} from programme-service's event data. Events may come
 * twice or out of order: a copy is only replaced by a higher source version.
 */
@ApplicationScoped
public class ProjectKnowledge {

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(JsonNode project) {
        UUID id = uuid(project, "id");
        long version = required(project, "version").asLong();
        KnownProject known = KnownProject.findById(id);
        if (known != null && version <= known.sourceVersion) {
            return;
        }
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownProject();
            known.id = id;
        }
        known.code = text(project, "code");
        known.name = text(project, "name");
        known.status = text(project, "status");
        known.sourceVersion = version;
        if (isNew) {
            known.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void milestone(JsonNode milestone) {
        UUID id = uuid(milestone, "id");
        long version = required(milestone, "version").asLong();
        KnownMilestone known = KnownMilestone.findById(id);
        if (known != null && version <= known.sourceVersion) {
            return;
        }
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownMilestone();
            known.id = id;
        }
        known.projectId = uuid(milestone, "projectId");
        known.title = text(milestone, "title");
        known.dueDate = LocalDate.parse(text(milestone, "dueDate"));
        JsonNode achieved = milestone.path("achievedDate");
        known.achievedDate = achieved.isTextual() ? LocalDate.parse(achieved.asText()) : null;
        known.key = required(milestone, "key").asBoolean();
        known.status = text(milestone, "status");
        known.sourceVersion = version;
        if (isNew) {
            known.persist();
        }
    }

    /** The tombstone of a milestone: its copy goes, so no alert is sent about it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void milestoneDeleted(JsonNode tombstone) {
        KnownMilestone.deleteById(uuid(tombstone, "id"));
    }

    public Optional<KnownProject> project(UUID id) {
        return id == null ? Optional.empty() : KnownProject.findByIdOptional(id);
    }

    static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID", e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new MalformedEventException(field + " must be a string");
        }
        return value.asText();
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("Event data lacks " + field);
        }
        return value;
    }
}
