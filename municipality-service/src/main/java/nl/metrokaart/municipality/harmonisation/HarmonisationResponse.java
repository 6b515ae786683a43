package nl.metrokaart.municipality.harmonisation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.decision.DecisionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Harmonisation", description = "How far the municipalities work the same way, per project and programme-wide.")
public record HarmonisationResponse(
        List<ProjectHarmonisation> projects,
        @Schema(description = "Uniform choices divided by all choices of participating municipalities over all listed "
                + "projects, 0 to 1 with four decimals; null when no choice was made yet.", examples = "0.7500")
        BigDecimal uniformShare) {

    @Schema(name = "ProjectHarmonisation", description = "One project: its decision in force and the participating municipalities' choices.")
    public record ProjectHarmonisation(
            UUID projectId,
            @Schema(examples = "WION") String projectCode,
            String projectName,
            @Schema(description = "The project's decision in force, if any.") UUID decisionId,
            @Schema(description = "Outcome of the decision in force; null when nothing was decided yet.") DecisionOutcome decisionOutcome,
            @Schema(description = "Municipalities that take part in the project.") int participatingMunicipalities,
            @Schema(description = "Participating municipalities that follow the uniform way of working.") int followingUniform,
            @Schema(description = "Participating municipalities that keep their own variant.") int withOwnVariant,
            @Schema(description = "Participating municipalities that made no choice yet.") int withoutChoice,
            @Schema(description = "followingUniform / (followingUniform + withOwnVariant), 0 to 1 with four decimals; "
                    + "null when no participant chose yet.", examples = "0.6667")
            BigDecimal uniformShare) {
    }
}
