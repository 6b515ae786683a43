package nl.metrokaart.newsletter.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.platform.readmodel.ReadModels;

/**
 * Keeps {@link KnownProject} and {@link KnownMilestone} from programme-service's events, bound by the inbox to the
 * typed records of {@link ProgrammeEventData}. Events may come twice or out of order: a copy is only replaced by a
 * higher source version ({@link ReadModels#applyIfNewer}).
 */
@ApplicationScoped
public class ProjectKnowledge {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.Project data) {
        ReadModels.applyIfNewer(KnownProject.<KnownProject>findById(data.id()), data.version(), () -> {
            KnownProject known = new KnownProject();
            known.id = data.id();
            return known;
        }, known -> {
            known.code = data.code();
            known.name = data.name();
            known.status = data.status();
            if (data.programmeId() != null) {
                known.programmeId = data.programmeId();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.Milestone data) {
        ReadModels.applyIfNewer(KnownMilestone.<KnownMilestone>findById(data.id()), data.version(), () -> {
            KnownMilestone known = new KnownMilestone();
            known.id = data.id();
            return known;
        }, known -> {
            known.projectId = data.projectId();
            known.title = data.title();
            known.dueDate = data.dueDate();
            known.achievedDate = data.achievedDate();
            known.key = data.key();
            known.status = data.status();
        });
    }

    /** The tombstone of a milestone: its copy goes, so no alert is sent about it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.MilestoneDeleted data) {
        KnownMilestone.deleteById(data.id());
    }

    /** Loads these projects into the persistence context in one query, so that {@link #project} finds them there. */
    public void load(Collection<UUID> ids) {
        Set<UUID> known = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!known.isEmpty()) {
            KnownProject.list("id in ?1", known);
        }
    }

    public Optional<KnownProject> project(UUID id) {
        return id == null ? Optional.empty() : KnownProject.findByIdOptional(id);
    }
}
