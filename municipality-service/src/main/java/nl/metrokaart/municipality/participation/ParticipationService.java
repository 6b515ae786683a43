package nl.metrokaart.municipality.participation;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.municipality.HeldPerProjectRecords;
import nl.metrokaart.municipality.municipality.MunicipalityScope;
import nl.metrokaart.municipality.municipality.MunicipalityService;
import nl.metrokaart.municipality.project.OfProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.text.Text;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The rules of participations: one per municipality and known project, changed only by those the
 * {@link MunicipalityScope} allows, under If-Match; every change is announced (outbox) and told to observers
 * ({@link ParticipationChanged}) in its own transaction.
 */
@ApplicationScoped
public class ParticipationService {

    @Inject
    MunicipalityService municipalities;

    @Inject
    MunicipalityScope scope;

    @Inject
    ProjectReadModel projects;

    /** The codes of the municipalities taking part in each of the programme's projects (of all without one). */
    public Map<UUID, Set<String>> participantsByProject(UUID programmeId) {
        Map<UUID, Set<String>> participants = new HashMap<>();
        ProjectReadModel.inProgramme(entityManager.createQuery("select p.projectId, p.municipalityCode from Participation p"
                + " where p.participates = true" + (programmeId == null ? "" : " and p.projectId in "
                + ProjectReadModel.PROJECT_IDS_OF_PROGRAMME), Object[].class), programmeId).getResultList()
                .forEach(row -> participants.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((String) row[1]));
        return participants;
    }

    @Inject
    Preconditions preconditions;

    @Inject
    MunicipalityEvents events;

    @Inject
    Event<ParticipationChanged> participationChanged;

    @Inject
    HeldPerProjectRecords records;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Page<ParticipationResponse> list(String municipalityCode, UUID projectId, String cursor, int limit) {
        return projects.ofPage(records.list(Participation.class, municipalityCode, projectId, cursor, limit),
                Participation::projectId).map(ParticipationResponse::of);
    }

    @Transactional
    public OfProject<Participation> get(String municipalityCode, UUID projectId) {
        municipalities.get(municipalityCode);
        return projects.of(find(municipalityCode, projectId, LockModeType.NONE), projectId);
    }

    @Transactional
    public OfProject<Participation> register(String municipalityCode, ParticipationRequest request) {
        scope.requireMayChange(municipalityCode);
        municipalities.get(municipalityCode);
        projects.known(request.projectId(), "projectId", "body");
        if (Participation.of(municipalityCode, request.projectId()) != null) {
            throw alreadyRegistered(municipalityCode, request.projectId());
        }
        Participation participation = new Participation();
        participation.id = UUID.randomUUID();
        participation.municipalityCode = municipalityCode;
        participation.projectId = request.projectId();
        apply(participation, request);
        participation.createdAt = StoredTime.now();
        participation.updatedAt = participation.createdAt;
        PersistOnce.persist(entityManager, participation, () -> alreadyRegistered(municipalityCode, request.projectId()));
        return announce(participation, MunicipalityEvents.PARTICIPATION_REGISTERED);
    }

    /** Full replace under If-Match; the project in the body must be the one in the path. */
    @Transactional
    public OfProject<Participation> replace(String municipalityCode, UUID projectId, String ifMatch, ParticipationRequest request) {
        scope.requireMayChange(municipalityCode);
        municipalities.get(municipalityCode);
        Participation participation = find(municipalityCode, projectId, LockModeType.PESSIMISTIC_WRITE);
        if (!projectId.equals(request.projectId())) {
            throw Problems.invalid("projectId", "body", RequestTexts.problems().projectIdNotInPath());
        }
        OfProject<Participation> current = projects.of(participation, projectId);
        preconditions.requireMatch(ifMatch, ParticipationResponse.of(current));
        if (sameAs(participation, request)) {
            return current;
        }
        apply(participation, request);
        participation.updatedAt = StoredTime.now();
        // Flush so the representation (event data, ETag) carries the incremented version.
        entityManager.flush();
        return announce(participation, MunicipalityEvents.PARTICIPATION_CHANGED);
    }

    private OfProject<Participation> announce(Participation participation, String type) {
        OfProject<Participation> announced = projects.of(participation, participation.projectId);
        events.aboutMunicipality(participation.municipalityCode, "participations/" + participation.projectId, type,
                ParticipationEventData.of(participation, announced.projectCode()));
        participationChanged.fire(new ParticipationChanged(participation.municipalityCode, participation.projectId));
        return announced;
    }

    private Participation find(String municipalityCode, UUID projectId, LockModeType lock) {
        return records.find(Participation.class, RequestTexts.problems().aParticipation(), municipalityCode, projectId, lock);
    }

    private static boolean sameAs(Participation participation, ParticipationRequest request) {
        return participation.participates == request.participates()
                && Objects.equals(participation.localLead, Text.strippedOrNull(request.localLead()))
                && participation.implementationStatus == request.implementationStatus()
                && Objects.equals(participation.plannedGoLiveDate, request.plannedGoLiveDate());
    }

    private static void apply(Participation participation, ParticipationRequest request) {
        participation.participates = request.participates();
        participation.localLead = Text.strippedOrNull(request.localLead());
        participation.implementationStatus = request.implementationStatus();
        participation.plannedGoLiveDate = request.plannedGoLiveDate();
    }

    private static HttpProblem alreadyRegistered(String municipalityCode, UUID projectId) {
        return Problems.conflict(RequestTexts.problems().participationExists(municipalityCode, projectId)).build();
    }
}
