package nl.metrokaart.municipality.cost;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.municipality.project.OfProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The rules of allocation keys: one per known project, chosen or replaced as a whole (If-Match when replacing);
 * each choice is announced and the project's cost allocation recomputed in the same transaction.
 */
@ApplicationScoped
public class AllocationKeyService {

    private static final List<SortKey<AllocationKey>> BY_PROJECT =
            List.of(new SortKey<>("projectId", k -> k.projectId, UUID::fromString));

    /** The answer to a PUT: the key as it is now, and whether this request created it. */
    public record Choice(OfProject<AllocationKey> key, boolean created) {
    }

    @Inject
    ProjectReadModel projects;

    @Inject
    CostAllocationService costAllocations;

    @Inject
    Preconditions preconditions;

    @Inject
    MunicipalityEvents events;

    @Inject
    KeysetPaging paging;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Page<AllocationKeyResponse> list(String cursor, int limit) {
        Page<AllocationKey> page = paging.page(AllocationKey.class, new KeysetPaging.Where(), BY_PROJECT, cursor, limit,
                Function.identity());
        return projects.ofPage(page, key -> key.projectId).map(AllocationKeyResponse::of);
    }

    @Transactional
    public OfProject<AllocationKey> get(UUID projectId) {
        ProgrammeProject project = knownProject(projectId);
        AllocationKey key = AllocationKey.findById(projectId);
        if (key == null) {
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().noAllocationKey(project.code, projectId));
        }
        return new OfProject<>(key, project.code);
    }

    @Transactional
    public Choice choose(UUID projectId, String ifMatch, AllocationKeyRequest request) {
        ProgrammeProject project = knownProject(projectId);
        requireWeightWhereItBelongs(request);
        AllocationKey key = entityManager.find(AllocationKey.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        boolean created = key == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw HttpProblem.builder().withStatus(412).withTitle("Precondition Failed")
                        .withDetail(RequestTexts.problems().noKeyToMatch(projectId))
                        .build();
            }
            key = new AllocationKey();
            key.projectId = projectId;
            apply(key, request);
            key.createdAt = StoredTime.now();
            key.updatedAt = key.createdAt;
            PersistOnce.persist(entityManager, key, () -> Problems.conflict(
                    RequestTexts.problems().keyChosenConcurrently(projectId)).build());
        } else {
            OfProject<AllocationKey> current = new OfProject<>(key, project.code);
            boolean unchanged = key.method == request.method()
                    && Objects.equals(key.inhabitantsWeightPercent, request.inhabitantsWeightPercent());
            // A PUT that asks for the key the project already has changes nothing, so it needs no If-Match: a
            // retried first choice (its 201 lost on the way) gets 200 instead of 428.
            if (unchanged && (ifMatch == null || ifMatch.isBlank())) {
                return new Choice(current, false);
            }
            preconditions.requireMatch(ifMatch, AllocationKeyResponse.of(current));
            if (unchanged) {
                return new Choice(current, false);
            }
            apply(key, request);
            key.updatedAt = StoredTime.now();
            // Flush so the representation (event data, ETag) carries the incremented version.
            entityManager.flush();
        }
        OfProject<AllocationKey> chosen = new OfProject<>(key, project.code);
        events.aboutProject(projectId, "allocation-keys/" + projectId, MunicipalityEvents.ALLOCATION_KEY_CHOSEN,
                AllocationKeyResponse.Chosen.of(chosen));
        costAllocations.recompute(projectId);
        return new Choice(chosen, created);
    }

    private ProgrammeProject knownProject(UUID projectId) {
        return projects.project(projectId).orElseThrow(() -> HttpProblem.valueOf(Response.Status.NOT_FOUND,
                RequestTexts.problems().projectUnknownHere(projectId)));
    }

    private static void requireWeightWhereItBelongs(AllocationKeyRequest request) {
        boolean weighted = request.method() == AllocationMethod.WEIGHTED;
        if (weighted && request.inhabitantsWeightPercent() == null) {
            throw Problems.invalid("inhabitantsWeightPercent", "body", RequestTexts.problems().weightRequired());
        }
        if (!weighted && request.inhabitantsWeightPercent() != null) {
            throw Problems.invalid("inhabitantsWeightPercent", "body", RequestTexts.problems().weightOnlyWeighted());
        }
    }

    private static void apply(AllocationKey key, AllocationKeyRequest request) {
        key.method = request.method();
        key.inhabitantsWeightPercent = request.inhabitantsWeightPercent();
    }
}
