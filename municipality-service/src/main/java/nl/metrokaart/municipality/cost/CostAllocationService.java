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
import org.hibernate.Hibernate;

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

    /**
     * A page of allocations in a fixed number of queries, whatever its size: the page, its projects, its shares
     * (one batch, {@link CostAllocation#shares}) and the municipalities.
     */
    @Transactional
    public Page<CostAllocationResponse> list(UUID projectId, boolean participantsOnly, String cursor, int limit) {
        Page<CostAllocation> page = paging.page(CostAllocation.class, new KeysetPaging.Where().and("projectId", projectId),
                BY_PROJECT, cursor, limit, Function.identity());
        Map<UUID, ProgrammeProject> pageProjects = projectsOf(page);
        List<Municipality> all = municipalities.allByCode();
        return page.map(allocation -> CostAllocationResponse.of(new ProjectCostAllocation(allocation,
                project(pageProjects, allocation.projectId), all), participantsOnly));
    }

    @Transactional
    public ProjectCostAllocation get(UUID projectId) {
        CostAllocation allocation = CostAllocation.<CostAllocation>findByIdOptional(projectId).orElseThrow(() ->
                HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().noCostAllocation(projectId)));
        Hibernate.initialize(allocation.shares); // the resource maps it after this transaction
        return new ProjectCostAllocation(allocation, project(projects.byId(List.of(projectId)), projectId),
                municipalities.allByCode());
    }

    /** What one municipality pays for each project, a page at a time (in a fixed number of queries), and in all. */
    @Transactional
    public MunicipalityCosts ofMunicipality(String municipalityCode, String cursor, int limit) {
        Municipality municipality = municipalities.get(municipalityCode);
        Page<CostAllocation> page = paging.page(CostAllocation.class, new KeysetPaging.Where(), BY_PROJECT, cursor, limit,
                Function.identity());
        Map<UUID, ProgrammeProject> pageProjects = projectsOf(page);
        // Only the municipality's own share of each allocation, not all shares of the page.
        Map<UUID, Long> amounts = page.items().isEmpty() ? Map.of() : entityManager.createQuery(
                        "select a.projectId, s.amountCents from CostAllocation a join a.shares s"
                                + " where s.municipalityCode = :code and a.projectId in :ids", Object[].class)
                .setParameter("code", municipalityCode)
                .setParameter("ids", page.items().stream().map(a -> a.projectId).toList())
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
        long total = entityManager.createQuery("select coalesce(sum(s.amountCents), 0) from CostAllocation a "
                        + "join a.shares s where s.municipalityCode = :code", Long.class)
                .setParameter("code", municipalityCode)
                .getSingleResult();
        return new MunicipalityCosts(municipality, total, page.map(allocation -> MunicipalityCostsResponse.ProjectCost.of(
                allocation, project(pageProjects, allocation.projectId), amounts.get(allocation.projectId))));
    }

    /** The projects of a page of allocations, in one query. */
    private Map<UUID, ProgrammeProject> projectsOf(Page<CostAllocation> page) {
        return projects.byId(page.items().stream().map(allocation -> allocation.projectId).toList());
    }

    private static ProgrammeProject project(Map<UUID, ProgrammeProject> known, UUID projectId) {
        ProgrammeProject project = known.get(projectId);
        if (project == null) {
            throw new IllegalStateException("Cost allocation of project " + projectId + " outlived its project");
        }
        return project;
    }

    private static Map<String, Long> amountsByMunicipality(List<CostAllocation.Share> shares) {
        return shares.stream().collect(Collectors.toMap(CostAllocation.Share::municipalityCode, CostAllocation.Share::amountCents));
    }
}
