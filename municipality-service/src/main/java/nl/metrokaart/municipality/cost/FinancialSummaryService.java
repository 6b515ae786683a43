package nl.metrokaart.municipality.cost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.municipality.Municipality;

/** Adds up the stored cost allocations per municipality: the programme's shared financial justification. */
@ApplicationScoped
public class FinancialSummaryService {

    @Inject
    EntityManager entityManager;

    @Inject
    CostAllocationService costAllocations;

    /** Over the projects of one programme, or of all programmes when programmeId is null. */
    @Transactional
    public FinancialSummaryResponse summarise(UUID programmeId) {
        // The shares are fetched with their allocations, in the same query: not one query per project.
        TypedQuery<CostAllocation> query = programmeId == null
                ? entityManager.createQuery("select distinct a from CostAllocation a left join fetch a.shares", CostAllocation.class)
                : entityManager.createQuery("select distinct a from CostAllocation a left join fetch a.shares where a.projectId in "
                        + "(select p.id from ProgrammeProject p where p.programmeId = :programmeId)", CostAllocation.class)
                        .setParameter("programmeId", programmeId);
        List<CostAllocation> allocations = query.getResultList();

        long budget = 0;
        long unallocated = 0;
        Map<String, Long> totals = new HashMap<>();
        Map<String, Integer> projectCounts = new HashMap<>();
        for (CostAllocation allocation : allocations) {
            budget += allocation.budgetCents;
            if (allocation.shares.isEmpty()) {
                unallocated += allocation.budgetCents;
            }
            for (CostAllocation.Share share : allocation.shares) {
                totals.merge(share.municipalityCode(), share.amountCents(), Long::sum);
                projectCounts.merge(share.municipalityCode(), 1, Integer::sum);
            }
        }
        Map<String, Long> basisPoints = budgetShares(budget, budget - unallocated, totals);
        List<FinancialSummaryResponse.MunicipalityTotal> municipalities = costAllocations.allMunicipalities().values().stream()
                .map(m -> total(m, totals.getOrDefault(m.code, 0L), projectCounts.getOrDefault(m.code, 0),
                        basisPoints.getOrDefault(m.code, 0L)))
                .toList();
        return new FinancialSummaryResponse(programmeId, allocations.size(), budget, budget - unallocated, unallocated,
                municipalities);
    }

    /**
     * Each municipality's share of the budget in hundredths of a percent, divided by largest remainder: together
     * they make exactly the allocated part (100.00 when all is allocated), as rounding each alone would not.
     */
    private static Map<String, Long> budgetShares(long budgetCents, long allocatedCents, Map<String, Long> totals) {
        Map<String, Long> paying = new HashMap<>();
        totals.forEach((code, cents) -> {
            if (cents > 0) {
                paying.put(code, cents);
            }
        });
        if (budgetCents == 0 || paying.isEmpty()) {
            return Map.of();
        }
        long allocatedBasisPoints = BigDecimal.valueOf(allocatedCents).movePointRight(4)
                .divide(BigDecimal.valueOf(budgetCents), 0, RoundingMode.HALF_EVEN).longValueExact();
        return LargestRemainder.divide(allocatedBasisPoints, paying);
    }

    private static FinancialSummaryResponse.MunicipalityTotal total(Municipality municipality, long totalCents,
            int participatingProjects, long basisPoints) {
        return new FinancialSummaryResponse.MunicipalityTotal(municipality.code, municipality.name, municipality.inhabitants,
                participatingProjects, totalCents, BigDecimal.valueOf(basisPoints, 2));
    }
}
