package nl.metrokaart.municipality.decision;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.municipality.MunicipalityService;
import nl.metrokaart.municipality.project.OfProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The register of decisions. A uniform decision never silently overrules a municipality's variant: recording
 * or changing a decision so that a uniform one is in force while municipalities keep a variant is refused.
 */
@ApplicationScoped
public class DecisionService {

    private static final List<SortKey<Decision>> BY_DATE = List.of(
            new SortKey<>("decidedOn", d -> d.decidedOn, LocalDate::parse),
            new SortKey<>("id", d -> d.id, UUID::fromString));

    @Inject
    ProjectReadModel projects;

    @Inject
    MunicipalityService municipalities;

    @Inject
    OwnVariants ownVariants;

    @Inject
    Preconditions preconditions;

    @Inject
    MunicipalityEvents events;

    @Inject
    KeysetPaging paging;

    @Inject
    EntityManager entityManager;

    /** Filters of the decision list; each optional. */
    public record Filter(UUID projectId, DecisionOutcome outcome, DecidingBody decidingBody) {
    }

    @Transactional
    public Page<DecisionResponse> list(Filter filter, String cursor, int limit) {
        Page<Decision> page = paging.page(Decision.class, new KeysetPaging.Where().and("projectId", filter.projectId())
                        .and("outcome", filter.outcome()).and("decidingBody", filter.decidingBody()),
                BY_DATE, cursor, limit, Function.identity());
        return projects.ofPage(page, d -> d.projectId).map(DecisionResponse::of);
    }

    @Transactional
    public OfProject<Decision> get(UUID id) {
        Decision decision = find(id, LockModeType.NONE);
        return projects.of(decision, decision.projectId);
    }

    @Transactional
    public OfProject<Decision> record(DecisionRequest request) {
        validateReferences(request);
        lockHarmonisationOf(request.projectId());
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        apply(decision, request);
        decision.createdAt = StoredTime.now();
        decision.updatedAt = decision.createdAt;
        decision.persist();
        entityManager.flush();
        requireNoVariantOverruled(Set.of(decision.projectId));
        return announce(decision, MunicipalityEvents.DECISION_RECORDED);
    }

    /** Full replace under If-Match, e.g. to correct a recorded decision. */
    @Transactional
    public OfProject<Decision> replace(UUID id, String ifMatch, DecisionRequest request) {
        Decision decision = find(id, LockModeType.PESSIMISTIC_WRITE);
        preconditions.requireMatch(ifMatch, represent(decision));
        validateReferences(request);
        // Both projects' decisions in force can change when a decision moves to another project.
        Set<UUID> affected = new LinkedHashSet<>(List.of(decision.projectId, request.projectId()));
        affected.stream().sorted().forEach(this::lockHarmonisationOf);
        apply(decision, request);
        decision.updatedAt = StoredTime.now();
        entityManager.flush();
        requireNoVariantOverruled(affected);
        return announce(decision, MunicipalityEvents.DECISION_CHANGED);
    }

    /**
     * Decisions and variant choices of one project change one transaction at a time, so that a uniform decision
     * and a new variant cannot both pass their checks concurrently. Call before reading what the check needs.
     */
    public void lockHarmonisationOf(UUID projectId) {
        AdvisoryLocks.lock(entityManager, "harmonisation:" + projectId);
    }

    private void requireNoVariantOverruled(Set<UUID> projectIds) {
        for (UUID projectId : projectIds) {
            Decision inForce = Decision.inForce(projectId);
            if (inForce == null || inForce.outcome != DecisionOutcome.UNIFORM) {
                continue;
            }
            List<String> withVariant = ownVariants.municipalitiesWithVariant(projectId);
            if (!withVariant.isEmpty()) {
                throw Problems.conflict(RequestTexts.problems().variantsKept(projects.code(projectId),
                                String.join(", ", withVariant), withVariant.size() == 1))
                        .with("municipalitiesWithVariant", withVariant)
                        .build();
            }
        }
    }

    private void validateReferences(DecisionRequest request) {
        projects.known(request.projectId(), "projectId", "body");
        String municipality = request.decidingMunicipalityCode();
        if (municipality != null && municipalities.find(municipality).isEmpty()) {
            throw Problems.invalid("decidingMunicipalityCode", "body", RequestTexts.problems().notAMunicipality(municipality));
        }
    }

    private OfProject<Decision> announce(Decision decision, String type) {
        OfProject<Decision> announced = projects.of(decision, decision.projectId);
        events.aboutProject(decision.projectId, "decisions/" + decision.id, type,
                DecisionEventData.of(decision, announced.projectCode()));
        return announced;
    }

    /** The representation, for the ETag an If-Match is compared with. */
    private DecisionResponse represent(Decision decision) {
        return DecisionResponse.of(projects.of(decision, decision.projectId));
    }

    private static Decision find(UUID id, LockModeType lock) {
        Decision decision = Decision.findById(id, lock);
        if (decision == null) {
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().decisionNotFound(id));
        }
        return decision;
    }

    private static void apply(Decision decision, DecisionRequest request) {
        decision.question = request.question().strip();
        decision.projectId = request.projectId();
        decision.options = new java.util.ArrayList<>(request.options().stream().map(String::strip).toList());
        decision.outcome = request.outcome();
        decision.decidingBody = request.decidingBody();
        decision.decidingMunicipalityCode = request.decidingMunicipalityCode();
        decision.decidedOn = request.decidedOn();
        decision.rationale = request.rationale().strip();
    }
}
