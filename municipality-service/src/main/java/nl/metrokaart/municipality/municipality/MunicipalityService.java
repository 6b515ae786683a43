package nl.metrokaart.municipality.municipality;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import org.hibernate.exception.ConstraintViolationException;

/** The rules around municipalities: one registration per CBS code. */
@ApplicationScoped
public class MunicipalityService {

    @Inject
    EntityManager entityManager;

    @Inject
    Preconditions preconditions;

    public List<Municipality> list() {
        return Municipality.list("order by name, code");
    }

    public Municipality get(String code) {
        return Municipality.<Municipality>findByIdOptional(code).orElseThrow(() -> HttpProblem.valueOf(
                Response.Status.NOT_FOUND, "Municipality " + code + " does not exist."));
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
        municipality.realisationPlanReference = blankToNull(request.realisationPlanReference());
        municipality.createdAt = StoredTime.now();
        municipality.updatedAt = municipality.createdAt;
        try {
            municipality.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            // Two concurrent registrations of one code both pass the check above; the primary key decides.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw alreadyExists(request.code());
            }
            throw e;
        }
        return municipality;
    }

    /** Full replace under If-Match; the code in the body must be the code in the path. */
    @Transactional
    public Municipality replace(String code, String ifMatch, MunicipalityRequest request) {
        Municipality municipality = get(code);
        if (!code.equals(request.code())) {
            throw Problems.invalid("code", "body", "must be the municipality code in the path");
        }
        preconditions.requireMatch(ifMatch, MunicipalityResponse.of(municipality));
        municipality.name = request.name().strip();
        municipality.inhabitants = request.inhabitants();
        municipality.municipalSecretary = request.municipalSecretary().strip();
        municipality.realisationPlanReference = blankToNull(request.realisationPlanReference());
        municipality.updatedAt = StoredTime.now();
        entityManager.flush();
        return municipality;
    }

    private static HttpProblem alreadyExists(String code) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict")
                .withDetail("Municipality " + code + " already exists.")
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
