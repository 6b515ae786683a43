package nl.metrokaart.municipality.municipality;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.paging.Page;

/** Listing and finding {@link HeldPerProject} rows of a municipality, the same way for each kind. */
@ApplicationScoped
public class HeldPerProjectRecords {

    @Inject
    MunicipalityService municipalities;

    @Inject
    KeysetPaging paging;

    @Inject
    EntityManager entityManager;

    /** The municipality's rows by project id, optionally of one project; 404 for an unknown municipality. */
    public <E extends HeldPerProject> Page<E> list(Class<E> type, String municipalityCode, UUID projectId, String cursor,
            int limit) {
        municipalities.get(municipalityCode);
        List<SortKey<E>> byProject = List.of(new SortKey<>("projectId", HeldPerProject::projectId, UUID::fromString));
        return paging.page(type, new KeysetPaging.Where().and("municipalityCode", municipalityCode).and("projectId", projectId),
                byProject, cursor, limit, Function.identity());
    }

    /** The municipality's row for the project; 404 naming {@code what} (in the request's language) when there is none. */
    public <E extends HeldPerProject> E find(Class<E> type, String what, String municipalityCode, UUID projectId, LockModeType lock) {
        List<E> found = entityManager.createQuery("select e from " + type.getSimpleName()
                        + " e where e.municipalityCode = :municipalityCode and e.projectId = :projectId", type)
                .setParameter("municipalityCode", municipalityCode)
                .setParameter("projectId", projectId)
                .setLockMode(lock)
                .getResultList();
        if (found.isEmpty()) {
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND,
                    RequestTexts.problems().noRecord(municipalityCode, what, projectId));
        }
        return found.get(0);
    }
}
