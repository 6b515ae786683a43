package nl.metrokaart.municipality.cost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.municipality.Municipality;
import nl.metrokaart.municipality.municipality.MunicipalityService;
import nl.metrokaart.municipality.project.ProjectReadModel;

/** Adds up the stored cost allocations per municipality: the programme's shared financial justification. */
@ApplicationScoped
public class FinancialSummaryService {

    @Inject
    EntityManager entityManager;

    @Inject
    MunicipalityService municipalities;

    /** Over the projects of one programme, or of all programmes when programmeId is null. */
    @Transactional
    public FinancialSummaryResponse summarise(UUID programmeId) {
        // Added up by the database in two queries, whatever the number of projects: no allocation or share is loaded.
        String ofProgramme = programmeId == null ? "" : " where a.projectId in " + ProjectReadModel.PROJECT_IDS_OF_PROGRAMME;
        Object[] budgets = ProjectReadModel.inProgramme(entityManager.createQuery("select count(a), coalesce(sum(a.budgetCents), 0),"
                + " coalesce(sum(case when a.shares is empty then a.budgetCents else 0 end), 0) from CostAllocation a"
                + ofProgramme, Object[].class), programmeId).getSingleResult();
        int projectCount = ((Number) budgets[0]).intValue();
        long budget = ((Number) budgets[1]).longValue();
        long unallocated = ((Number) budgets[2]).longValue();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Integer> projectCounts = new HashMap<>();
        ProjectReadModel.inProgramme(entityManager.createQuery("select s.municipalityCode, sum(s.amountCents), count(*)"
                + " from CostAllocation a join a.shares s" + ofProgramme + " group by s.municipalityCode", Object[].class),
                programmeId).getResultList().forEach(row -> {
                    totals.put((String) row[0], ((Number) row[1]).longValue());
                    projectCounts.put((String) row[0], ((Number) row[2]).intValue());
                });
        Map<String, Long> basisPoints = budgetShares(budget, budget - unallocated, totals);
        List<FinancialSummaryResponse.MunicipalityTotal> perMunicipality = municipalities.allByCode().stream()
                .map(m -> total(m, totals.getOrDefault(m.code, 0L), projectCounts.getOrDefault(m.code, 0),
                        basisPoints.getOrDefault(m.code, 0L)))
                .toList();
        return new FinancialSummaryResponse(programmeId, projectCount, budget, budget - unallocated, unallocated,
                perMunicipality);
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
