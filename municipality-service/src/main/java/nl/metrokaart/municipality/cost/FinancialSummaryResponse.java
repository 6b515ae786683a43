package nl.metrokaart.municipality.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FinancialSummary", description = "The shared financial justification (financiële verantwoording): "
        + "what each municipality pays for the programme's projects in all, and its share of the programme budget. "
        + "The municipalities' totals add up to allocatedCents exactly; allocatedCents + unallocatedCents = budgetCents.")
public record FinancialSummaryResponse(
        @Schema(description = "The programme summarised; absent when the summary covers every project known to this service.")
        UUID programmeId,
        @Schema(description = "The number of projects summarised.") int projectCount,
        @Schema(description = "The projects' budgets together, in euro cents.") long budgetCents,
        @Schema(description = "The part of budgetCents shared among participating municipalities.") long allocatedCents,
        @Schema(description = "The budgets of projects nobody participates in yet.") long unallocatedCents,
        @Schema(description = "Every registered municipality by CBS code.") List<MunicipalityTotal> municipalities) {

    @Schema(name = "MunicipalityTotal", description = "What one municipality pays for the programme in all.")
    public record MunicipalityTotal(
            @Schema(description = "CBS municipality code.", examples = "GM0610") String municipalityCode,
            String municipalityName,
            @Schema(description = "Current number of inhabitants.") int inhabitants,
            @Schema(description = "The number of projects it pays a share of.") int participatingProjects,
            @Schema(description = "Its shares together, in euro cents.") long totalCents,
            @Schema(description = "totalCents as a percentage of budgetCents, to two decimals, rounded by largest "
                    + "remainder so that the percentages add up to exactly the allocated part (100.00 when all is allocated).", examples = "22.73")
            BigDecimal budgetSharePercent) {
    }
}
