package nl.metrokaart.municipality.cost;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.municipality.project.ProgrammeProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CostAllocation", description = "How a project's budget is shared among the municipalities, as last "
        + "computed. The participants' amounts add up to budgetCents exactly; while nobody participates every amount "
        + "is 0 and unallocatedCents is the whole budget.")
public record CostAllocationResponse(
        UUID projectId,
        @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
        String projectName,
        @Schema(description = "The project's budget in euro cents (programme-service's budget in euros times 100).",
                examples = "12500000") long budgetCents,
        @Schema(description = "The allocation key's method; equal-share when no key was chosen.") AllocationMethod method,
        @Schema(description = "For method weighted: the part of the budget shared by inhabitants, in percent; else absent.",
                minimum = "0", maximum = "100") Integer inhabitantsWeightPercent,
        @Schema(description = "Every registered municipality by CBS code, a non-participant with amount 0; with "
                + "participantsOnly=true only the participants.") List<Share> shares,
        @Schema(description = "The part of the budget nobody pays: the whole budget while nobody participates, else 0.")
        long unallocatedCents,
        @Schema(description = "Incremented each time the allocation is recomputed with a different outcome.") long version,
        @Schema(description = "When the allocation was last recomputed.") Instant computedAt) {

    @Schema(name = "CostShare", description = "What one municipality pays for the project.")
    public record Share(
            @Schema(description = "CBS municipality code.", examples = "GM0610") String municipalityCode,
            String municipalityName,
            boolean participates,
            @Schema(description = "Inhabitants the share was computed with (for a non-participant: its current number).")
            int inhabitants,
            @Schema(description = "The amount in euro cents.", examples = "2840909") long amountCents) {
    }

    /** With participantsOnly only the paying municipalities' shares, else every registered municipality's. */
    static CostAllocationResponse of(ProjectCostAllocation projectAllocation, boolean participantsOnly) {
        CostAllocation allocation = projectAllocation.allocation();
        ProgrammeProject project = projectAllocation.project();
        Map<String, CostAllocation.Share> paying = allocation.shares.stream()
                .collect(Collectors.toMap(CostAllocation.Share::municipalityCode, s -> s));
        List<Share> shares = projectAllocation.municipalities().stream().map(m -> {
            CostAllocation.Share share = paying.get(m.code);
            return share == null ? new Share(m.code, m.name, false, m.inhabitants, 0)
                    : new Share(m.code, m.name, true, share.inhabitants(), share.amountCents());
        }).filter(share -> share.participates() || !participantsOnly).toList();
        return new CostAllocationResponse(allocation.projectId, project.code, project.name, allocation.budgetCents,
                allocation.method, allocation.inhabitantsWeightPercent, shares,
                allocation.shares.isEmpty() ? allocation.budgetCents : 0, allocation.version, allocation.computedAt);
    }
}
