package nl.metrokaart.municipality.cost;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.municipality.Municipality;
import nl.metrokaart.municipality.municipality.MunicipalityService;
import nl.metrokaart.municipality.participation.Participation;
import nl.metrokaart.municipality.participation.ParticipationChanged;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.KeysetPaging.SortKey;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.persistence.StoredTime;

/**
 * Keeps every project's {@link CostAllocation} current: recomputed in the transaction of each change it depends
 * on (the project's budget, who participates, its allocation key, a participant's inhabitants), and announced with
 * cost-allocation-changed only when what a municipality pays changed.
 */
@ApplicationScoped
public class CostAllocationService {

    /** Arbitrary constant naming the advisory lock under which instances fill in missing allocations at start. */
    private static final long BACKFILL_LOCK = 0x636f7374L;

    private static final List<SortKey<CostAllocation>> BY_PROJECT =
            List.of(new SortKey<>("projectId", a -> a.projectId, UUID::fromString));

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectReadModel projects;

    @Inject
    MunicipalityService municipalities;

    @Inject
    MunicipalityEvents events;

    @Inject
    KeysetPaging paging;

    void onBudgetChanged(@Observes ProjectReadModel.BudgetChanged change) {
        recompute(change.projectId());
    }

    void onParticipationChanged(@Observes ParticipationChanged change) {
        recompute(change.projectId());
    }

    /** Only the projects the municipality pays for depend on its inhabitants; in project order, so no deadlock. */
    void onInhabitantsChanged(@Observes Municipality.InhabitantsChanged change) {
        entityManager.createQuery("select a.projectId from CostAllocation a join a.shares s "
                        + "where s.municipalityCode = :code order by a.projectId", UUID.class)
                .setParameter("code", change.municipalityCode())
                .getResultList()
                .forEach(this::recompute);
    }

    /** Projects received before cost allocation existed get theirs when the service starts. */
    @Transactional
    void backfill(@Observes StartupEvent start) {
        AdvisoryLocks.lock(entityManager, BACKFILL_LOCK);
        entityManager.createQuery("select p.id from ProgrammeProject p where not exists "
                        + "(select 1 from CostAllocation a where a.projectId = p.id) order by p.id", UUID.class)
                .getResultList()
                .forEach(this::recompute);
    }

    /**
     * Computes the project's allocation under a row lock, so that concurrent changes to its inputs apply one after
     * the other. The inputs are read after the lock with queries, not from entities this transaction may have loaded
     * before: so the last of concurrent changes sees what the others committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CostAllocation recompute(UUID projectId) {
        CostAllocation allocation = entityManager.find(CostAllocation.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        List<BigDecimal> budget = entityManager.createQuery("select p.budget from ProgrammeProject p where p.id = :id", BigDecimal.class)
                .setParameter("id", projectId).getResultList();
        if (budget.isEmpty()) {
            throw new IllegalStateException("Project " + projectId + " is not in the read model");
        }
        long budgetCents = CostSplit.cents(budget.get(0));
        AllocationKey key = AllocationKey.findById(projectId);
        AllocationMethod method = key == null ? AllocationMethod.EQUAL_SHARE : key.method;
        Integer percent = key == null ? null : key.inhabitantsWeightPercent;

        List<String> participants = Participation.participantsOf(projectId);
        Map<String, Integer> inhabitants = participants.isEmpty() ? Map.of()
                : entityManager.createQuery("select m.code, m.inhabitants from Municipality m where m.code in :codes", Object[].class)
                        .setParameter("codes", participants).getResultList().stream()
                        .collect(Collectors.toMap(row -> (String) row[0], row -> (Integer) row[1]));
        SortedMap<String, Long> amounts = CostSplit.amounts(budgetCents, method, percent == null ? 0 : percent,
                inhabitants, new HashSet<>(participants));
        List<CostAllocation.Share> shares = participants.stream().sorted()
                .map(code -> new CostAllocation.Share(code, inhabitants.get(code), amounts.get(code)))
                .toList();

        boolean isNew = allocation == null;
        if (isNew) {
            allocation = new CostAllocation();
            allocation.projectId = projectId;
        } else if (allocation.budgetCents == budgetCents && allocation.method == method
                && Objects.equals(allocation.inhabitantsWeightPercent, percent)
                // A Hibernate bag compares by identity: compare its contents.
                && new ArrayList<>(allocation.shares).equals(shares)) {
            return allocation;
        }
        boolean amountsChanged = !amountsByMunicipality(isNew ? List.of() : allocation.shares).equals(amountsByMunicipality(shares));
        allocation.budgetCents = budgetCents;
        allocation.method = method;
        allocation.inhabitantsWeightPercent = percent;
        allocation.shares.clear();
        allocation.shares.addAll(shares);
        allocation.computedAt = StoredTime.now();
        if (isNew) {
            allocation.persist();
        }
        entityManager.flush();
        if (amountsChanged) {
            events.aboutProject(projectId, "cost-allocations/" + projectId, MunicipalityEvents.COST_ALLOCATION_CHANGED,
                    CostAllocationChanged.of(allocation, projects.code(projectId)));
        }
        return allocation;
    }

    @Transactional
    public Page<CostAllocationResponse> list(UUID projectId, boolean participantsOnly, String cursor, int limit) {
        Map<String, Municipality> all = allMunicipalities();
        return paging.page(CostAllocation.class, new KeysetPaging.Where().and("projectId", projectId), BY_PROJECT,
                cursor, limit, allocation -> represent(allocation, all, participantsOnly));
    }

    @Transactional
    public CostAllocationResponse get(UUID projectId, boolean participantsOnly) {
        CostAllocation allocation = CostAllocation.<CostAllocation>findByIdOptional(projectId).orElseThrow(() ->
                HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().noCostAllocation(projectId)));
        return represent(allocation, allMunicipalities(), participantsOnly);
    }

    /** What one municipality pays for each project, a page at a time, and in all. */
    @Transactional
    public MunicipalityCostsResponse ofMunicipality(String municipalityCode, String cursor, int limit) {
        Municipality municipality = municipalities.get(municipalityCode);
        Page<MunicipalityCostsResponse.ProjectCost> page = paging.page(CostAllocation.class, new KeysetPaging.Where(),
                BY_PROJECT, cursor, limit, allocation -> MunicipalityCostsResponse.ProjectCost.of(
                        allocation, project(allocation.projectId), municipalityCode));
        long total = entityManager.createQuery("select coalesce(sum(s.amountCents), 0) from CostAllocation a "
                        + "join a.shares s where s.municipalityCode = :code", Long.class)
                .setParameter("code", municipalityCode)
                .getSingleResult();
        return new MunicipalityCostsResponse(municipality.code, municipality.name, total, page.items(), page.nextCursor());
    }

    CostAllocationResponse represent(CostAllocation allocation, Map<String, Municipality> all, boolean participantsOnly) {
        return CostAllocationResponse.of(allocation, project(allocation.projectId), all, participantsOnly);
    }

    /** Every registered municipality by code: the rows of a complete allocation, payers or not. */
    Map<String, Municipality> allMunicipalities() {
        return municipalities.allByCode().stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private ProgrammeProject project(UUID projectId) {
        return projects.project(projectId).orElseThrow(() ->
                new IllegalStateException("Cost allocation of project " + projectId + " outlived its project"));
    }

    private static Map<String, Long> amountsByMunicipality(List<CostAllocation.Share> shares) {
        return shares.stream().collect(Collectors.toMap(CostAllocation.Share::municipalityCode, CostAllocation.Share::amountCents));
    }
}
