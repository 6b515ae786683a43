package nl.metrokaart.municipality.variant;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.metrokaart.municipality.decision.Decision;
import nl.metrokaart.municipality.decision.DecisionOutcome;
import nl.metrokaart.municipality.decision.DecisionService;
import nl.metrokaart.municipality.decision.OwnVariants;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.municipality.HeldPerProjectRecords;
import nl.metrokaart.municipality.municipality.MunicipalityScope;
import nl.metrokaart.municipality.municipality.MunicipalityService;
import nl.metrokaart.municipality.participation.Participation;
import nl.metrokaart.municipality.project.OfProject;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.text.Text;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The rules of variant choices: only for a project the municipality participates in, and no own variant where
 * the project's decision in force is uniform. Changed only by those the {@link MunicipalityScope} allows.
 */
@ApplicationScoped
public class VariantChoiceService implements OwnVariants {

    @Inject
    MunicipalityService municipalities;

    @Inject
    MunicipalityScope scope;

    @Inject
    ProjectReadModel projects;

    @Inject
    DecisionService decisions;

    @Inject
    Preconditions preconditions;

    @Inject
    MunicipalityEvents events;

    @Inject
    HeldPerProjectRecords records;

    @Inject
    EntityManager entityManager;

    @Override
    public List<String> municipalitiesWithVariant(UUID projectId) {
        return VariantChoice.municipalitiesWithVariant(projectId);
    }

    /** The variant choices of the programme's projects (of all projects without one), by project. */
    public Map<UUID, List<VariantChoice>> choicesByProject(UUID programmeId) {
        Map<UUID, List<VariantChoice>> choices = new HashMap<>();
        ProjectReadModel.inProgramme(entityManager.createQuery("select c from VariantChoice c"
                + (programmeId == null ? "" : " where c.projectId in " + ProjectReadModel.PROJECT_IDS_OF_PROGRAMME),
                VariantChoice.class), programmeId).getResultList()
                .forEach(choice -> choices.computeIfAbsent(choice.projectId, id -> new ArrayList<>()).add(choice));
        return choices;
    }

    @Transactional
    public Page<VariantChoiceResponse> list(String municipalityCode, UUID projectId, String cursor, int limit) {
        return projects.ofPage(records.list(VariantChoice.class, municipalityCode, projectId, cursor, limit),
                VariantChoice::projectId).map(VariantChoiceResponse::of);
    }

    @Transactional
    public OfProject<VariantChoice> get(String municipalityCode, UUID projectId) {
        municipalities.get(municipalityCode);
        return projects.of(find(municipalityCode, projectId, LockModeType.NONE), projectId);
    }

    @Transactional
    public OfProject<VariantChoice> make(String municipalityCode, VariantChoiceRequest request) {
        scope.requireMayChange(municipalityCode);
        municipalities.get(municipalityCode);
        ProgrammeProject project = projects.known(request.projectId(), "projectId", "body");
        decisions.lockHarmonisationOf(project.id);
        if (VariantChoice.of(municipalityCode, project.id) != null) {
            throw alreadyMade(municipalityCode, project);
        }
        Decision inForce = requireAllowed(municipalityCode, project, request.approach());
        VariantChoice choice = new VariantChoice();
        choice.id = UUID.randomUUID();
        choice.municipalityCode = municipalityCode;
        choice.projectId = project.id;
        apply(choice, request, inForce);
        choice.createdAt = StoredTime.now();
        choice.updatedAt = choice.createdAt;
        PersistOnce.persist(entityManager, choice, () -> alreadyMade(municipalityCode, project));
        return announce(choice, MunicipalityEvents.VARIANT_CHOICE_MADE);
    }

    /** Full replace under If-Match; the project in the body must be the one in the path. */
    @Transactional
    public OfProject<VariantChoice> replace(String municipalityCode, UUID projectId, String ifMatch, VariantChoiceRequest request) {
        scope.requireMayChange(municipalityCode);
        municipalities.get(municipalityCode);
        decisions.lockHarmonisationOf(projectId);
        VariantChoice choice = find(municipalityCode, projectId, LockModeType.PESSIMISTIC_WRITE);
        if (!projectId.equals(request.projectId())) {
            throw Problems.invalid("projectId", "body", RequestTexts.problems().projectIdNotInPath());
        }
        OfProject<VariantChoice> current = projects.of(choice, projectId);
        preconditions.requireMatch(ifMatch, VariantChoiceResponse.of(current));
        ProgrammeProject project = projects.known(projectId, "projectId", "path");
        Decision inForce = requireAllowed(municipalityCode, project, request.approach());
        if (sameAs(choice, request, inForce)) {
            return current;
        }
        apply(choice, request, inForce);
        choice.updatedAt = StoredTime.now();
        // Flush so the representation (event data, ETag) carries the incremented version.
        entityManager.flush();
        return announce(choice, MunicipalityEvents.VARIANT_CHOICE_CHANGED);
    }

    /** 409 unless the municipality participates and, for a variant, no uniform decision is in force; returns that decision. */
    private Decision requireAllowed(String municipalityCode, ProgrammeProject project, Approach approach) {
        Participation participation = Participation.of(municipalityCode, project.id);
        if (participation == null || !participation.participates) {
            throw Problems.conflict(RequestTexts.problems().notParticipating(municipalityCode, project.code)).build();
        }
        Decision inForce = Decision.inForce(project.id);
        if (approach == Approach.VARIANT && inForce != null && inForce.outcome == DecisionOutcome.UNIFORM) {
            String link = "/api/v1/decisions/" + inForce.id;
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("id", inForce.id.toString());
            decision.put("decidingBody", inForce.decidingBody.value());
            decision.put("decidedOn", inForce.decidedOn.toString());
            decision.put("href", link);
            throw Problems.conflict(RequestTexts.problems().uniformDecided(project.code, inForce.decidingBody.value(),
                            inForce.decidedOn, inForce.id, link))
                    .with("decision", decision)
                    .build();
        }
        return inForce;
    }

    private OfProject<VariantChoice> announce(VariantChoice choice, String type) {
        OfProject<VariantChoice> announced = projects.of(choice, choice.projectId);
        events.aboutMunicipality(choice.municipalityCode, "variant-choices/" + choice.projectId, type,
                VariantChoiceEventData.of(choice, announced.projectCode()));
        return announced;
    }

    private VariantChoice find(String municipalityCode, UUID projectId, LockModeType lock) {
        return records.find(VariantChoice.class, RequestTexts.problems().aVariantChoice(), municipalityCode, projectId, lock);
    }

    private static boolean sameAs(VariantChoice choice, VariantChoiceRequest request, Decision inForce) {
        return choice.approach == request.approach()
                && Objects.equals(choice.variantName, Text.strippedOrNull(request.variantName()))
                && Objects.equals(choice.justification, Text.strippedOrNull(request.justification()))
                && Objects.equals(choice.decisionId, inForce == null ? null : inForce.id);
    }

    private static void apply(VariantChoice choice, VariantChoiceRequest request, Decision inForce) {
        choice.approach = request.approach();
        choice.variantName = Text.strippedOrNull(request.variantName());
        choice.justification = Text.strippedOrNull(request.justification());
        choice.decisionId = inForce == null ? null : inForce.id;
    }

    private static HttpProblem alreadyMade(String municipalityCode, ProgrammeProject project) {
        return Problems.conflict(RequestTexts.problems().choiceMade(municipalityCode, project.code)).build();
    }
}
