package nl.metrokaart.municipality.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.readmodel.ReadModels;
import nl.metrokaart.platform.readmodel.ReadModels.Applied;

/**
 * Keeps {@link ProgrammeProject} and {@link ProgrammeMilestone} up to date from programme-service's events.
 * Events may come twice or out of order: a copy is only replaced by a higher source version
 * ({@link ReadModels#applyIfNewer}), so applying an older or the same event again changes nothing.
 */
@ApplicationScoped
public class ProjectReadModel {

    /** Fired (synchronously, in the same transaction) when a project's budget enters or changes in the read model. */
    public record BudgetChanged(UUID projectId) {
    }

    @Inject
    Event<BudgetChanged> budgetChanged;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.Project data) {
        ProgrammeProject current = ProgrammeProject.findById(data.id());
        BigDecimal budgetBefore = current == null ? null : current.budget;
        Applied applied = ReadModels.applyIfNewer(current, data.version(), () -> {
            ProgrammeProject project = new ProgrammeProject();
            project.id = data.id();
            return project;
        }, project -> {
            project.programmeId = data.programmeId();
            project.code = data.code();
            project.name = data.name();
            project.status = data.status();
            project.budget = data.budget();
            project.receivedAt = StoredTime.now();
        });
        if (applied == Applied.CREATED || applied == Applied.UPDATED && budgetBefore.compareTo(data.budget()) != 0) {
            budgetChanged.fire(new BudgetChanged(data.id()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.Milestone data) {
        ReadModels.applyIfNewer(ProgrammeMilestone.<ProgrammeMilestone>findById(data.id()), data.version(), () -> {
            ProgrammeMilestone milestone = new ProgrammeMilestone();
            milestone.id = data.id();
            return milestone;
        }, milestone -> {
            milestone.projectId = data.projectId();
            milestone.title = data.title();
            milestone.dueDate = data.dueDate();
            milestone.achievedDate = data.achievedDate();
            milestone.key = data.key();
            milestone.status = data.status();
            milestone.receivedAt = StoredTime.now();
        });
    }

    /** A deleted milestone leaves the read model (events of one project arrive in order, so nothing revives it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ProgrammeEventData.MilestoneDeleted data) {
        ProgrammeMilestone.deleteById(data.id());
    }

    /** JPQL for "the ids of the programme's projects" ({@code :programmeId}), to restrict other features' queries. */
    public static final String PROJECT_IDS_OF_PROGRAMME =
            "(select pp.id from ProgrammeProject pp where pp.programmeId = :programmeId)";

    /** Binds {@code :programmeId} of {@link #PROJECT_IDS_OF_PROGRAMME}; no programme means all projects. */
    public static <T> TypedQuery<T> inProgramme(TypedQuery<T> query, UUID programmeId) {
        return programmeId == null ? query : query.setParameter("programmeId", programmeId);
    }

    /** The projects of the programme (all projects without one), by code. */
    public List<ProgrammeProject> byCode(UUID programmeId) {
        return programmeId == null
                ? ProgrammeProject.list("order by code, id")
                : ProgrammeProject.list("programmeId = ?1 order by code, id", programmeId);
    }

    /** The projects with these ids the read model knows, by id, in one query (a page's projects, not one each). */
    public Map<UUID, ProgrammeProject> byId(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : ProgrammeProject.<ProgrammeProject>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    public Optional<ProgrammeProject> project(UUID id) {
        return ProgrammeProject.findByIdOptional(id);
    }

    /**
     * The project a request refers to in {@code field}; 400 naming the field when this service has not (yet)
     * received the project from programme-service.
     */
    public ProgrammeProject known(UUID id, String field, String in) {
        return project(id).orElseThrow(() -> Problems.invalid(field, in, RequestTexts.problems().unknownProject(id)));
    }

    /** The record with the code of the project it is about (null for a project not yet in the read model). */
    public <T> OfProject<T> of(T record, UUID projectId) {
        return new OfProject<>(record, code(projectId));
    }

    /** A page of records with the codes of the projects they are about, the projects read in one query. */
    public <T> Page<OfProject<T>> ofPage(Page<T> page, Function<T, UUID> projectId) {
        Map<UUID, ProgrammeProject> known = byId(page.items().stream().map(projectId).collect(Collectors.toSet()));
        return page.map(record -> {
            ProgrammeProject project = known.get(projectId.apply(record));
            return new OfProject<>(record, project == null ? null : project.code);
        });
    }

    /** The project's code, for representations; null for a project not (yet) in the read model. */
    public String code(UUID id) {
        return project(id).map(p -> p.code).orElse(null);
    }
}
