package nl.metrokaart.municipality.cost;

import java.util.List;
import java.util.UUID;

/**
 * Data of cost-allocation-changed: what each participating municipality now pays for the project. The amounts
 * add up to budgetCents exactly; the list is empty while nobody participates.
 */
public record CostAllocationChanged(UUID projectId, String projectCode, long budgetCents, AllocationMethod method,
        List<Share> shares) {

    public record Share(String municipalityCode, long amountCents) {
    }

    static CostAllocationChanged of(CostAllocation allocation, String projectCode) {
        return new CostAllocationChanged(allocation.projectId, projectCode, allocation.budgetCents, allocation.method,
                allocation.shares.stream().map(s -> new Share(s.municipalityCode(), s.amountCents())).toList());
    }
}
