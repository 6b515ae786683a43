package nl.metrokaart.municipality.cost;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.project.ProgrammeProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MunicipalityCosts", description = "A municipality's financial summary: what it pays for each project "
        + "of the programme (a page at a time) and in all.")
public record MunicipalityCostsResponse(
        @Schema(description = "CBS municipality code.", examples = "GM0610") String municipalityCode,
        String municipalityName,
        @Schema(description = "What the municipality pays for all projects together, in euro cents.") long totalCents,
        @Schema(description = "One entry per project, by project id.") List<ProjectCost> items,
        @Schema(description = "Cursor for the next page; absent on the last page.") String nextCursor) {

    @Schema(name = "MunicipalityProjectCost", description = "What the municipality pays for one project.")
    public record ProjectCost(
            UUID projectId,
            @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
            String projectName,
            @Schema(description = "The project's whole budget in euro cents.") long budgetCents,
            AllocationMethod method,
            @Schema(description = "For method weighted: the part shared by inhabitants, in percent; else absent.")
            Integer inhabitantsWeightPercent,
            boolean participates,
            @Schema(description = "The municipality's share in euro cents; 0 when it does not participate.") long amountCents,
            Instant computedAt) {

        /** {@code amountCents} is the municipality's share, null when it does not participate. */
        static ProjectCost of(CostAllocation allocation, ProgrammeProject project, Long amountCents) {
            return new ProjectCost(allocation.projectId, project.code, project.name, allocation.budgetCents,
                    allocation.method, allocation.inhabitantsWeightPercent, amountCents != null,
                    amountCents == null ? 0 : amountCents, allocation.computedAt);
        }
    }

    static MunicipalityCostsResponse of(MunicipalityCosts costs) {
        return new MunicipalityCostsResponse(costs.municipality().code, costs.municipality().name, costs.totalCents(),
                costs.projects().items(), costs.projects().nextCursor());
    }
}
