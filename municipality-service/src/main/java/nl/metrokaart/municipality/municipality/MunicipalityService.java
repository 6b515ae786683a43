package nl.metrokaart.municipality.municipality;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.text.Text;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The rules around municipalities: one registration per CBS code. Registrations and changes are published
 * (municipality-registered, municipality-changed) so other services name municipalities as people do.
 */
@ApplicationScoped
public class MunicipalityService {

    @Inject
    EntityManager entityManager;

    @Inject
    Preconditions preconditions;

    @Inject
    Event<Municipality.InhabitantsChanged> inhabitantsChanged;

    @Inject
    MunicipalityEvents events;

    private static final List<SortKey<Municipality>> BY_NAME = List.of(
            new SortKey<>("name", m -> m.name, name -> name),
            new SortKey<>("code", m -> m.code, code -> code));

    @Inject
    KeysetPaging paging;

    /** By name, then code (names need not be unique). */
    public Page<MunicipalityResponse> list(String cursor, int limit) {
        return paging.page(Municipality.class, new KeysetPaging.Where(), BY_NAME, cursor, limit, MunicipalityResponse::of);
    }

    public Municipality get(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    public Optional<Municipality> find(String code) {
        return Municipality.findByIdOptional(code);
    }

    /** Every registered municipality, by code. */
    public List<Municipality> allByCode() {
        return Municipality.listAll(Sort.by("code"));
    }

    private static HttpProblem notFound(String code) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().municipalityNotFound(code));
    }

    @Transactional
    public Municipality create(MunicipalityRequest request) {
        if (Municipality.findById(request.code()) != null) {
            throw alreadyExists(request.code());
        }
        Municipality municipality = new Municipality();
        municipality.code = request.code();
        municipality.name = request.name().strip();
        municipality.inhabitants = request.inhabitants();
        municipality.municipalSecretary = request.municipalSecretary().strip();
        municipality.realisationPlanReference = Text.strippedOrNull(request.realisationPlanReference());
        municipality.createdAt = StoredTime.now();
        municipality.updatedAt = municipality.createdAt;
        PersistOnce.persist(entityManager, municipality, () -> alreadyExists(request.code()));
        events.municipality(municipality.code, MunicipalityEvents.MUNICIPALITY_REGISTERED, MunicipalityResponse.of(municipality));
        return municipality;
    }

    /** Full replace under If-Match; the code in the body must be the code in the path. */
    @Transactional
    public Municipality replace(String code, String ifMatch, MunicipalityRequest request) {
        // If-Match is checked under the row lock, so of two changes based on the same version exactly one wins.
        Municipality municipality = Municipality.<Municipality>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(code));
        if (!code.equals(request.code())) {
            throw Problems.invalid("code", "body", RequestTexts.problems().codeNotInPath());
        }
        preconditions.requireMatch(ifMatch, MunicipalityResponse.of(municipality));
        boolean inhabitantsDiffer = municipality.inhabitants != request.inhabitants();
        municipality.name = request.name().strip();
        municipality.inhabitants = request.inhabitants();
        municipality.municipalSecretary = request.municipalSecretary().strip();
        municipality.realisationPlanReference = Text.strippedOrNull(request.realisationPlanReference());
        municipality.updatedAt = StoredTime.now();
        entityManager.flush();
        events.municipality(code, MunicipalityEvents.MUNICIPALITY_CHANGED, MunicipalityResponse.of(municipality));
        if (inhabitantsDiffer) {
            inhabitantsChanged.fire(new Municipality.InhabitantsChanged(code));
        }
        return municipality;
    }

    private static HttpProblem alreadyExists(String code) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict")
                .withDetail(RequestTexts.problems().municipalityExists(code))
                .build();
    }
}
