package nl.metrokaart.municipality.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.project.OfProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision as the API shows it; also the data of decision-recorded and decision-changed. */
@Schema(name = "Decision", description = "A programme decision on a project: one uniform way of working, or municipal variants allowed.")
public record DecisionResponse(
        UUID id,
        UUID projectId,
        @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
        String question,
        List<String> options,
        DecisionOutcome outcome,
        DecidingBody decidingBody,
        @Schema(description = "CBS code of the deciding municipality, for municipal-executive and council.") String decidingMunicipalityCode,
        @Schema(format = "date") LocalDate decidedOn,
        String rationale,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static DecisionResponse of(OfProject<Decision> decision) {
        Decision d = decision.record();
        String projectCode = decision.projectCode();
        return new DecisionResponse(d.id, d.projectId, projectCode, d.question, List.copyOf(d.options), d.outcome,
                d.decidingBody, d.decidingMunicipalityCode, d.decidedOn, d.rationale, d.version, d.createdAt, d.updatedAt);
    }
}
