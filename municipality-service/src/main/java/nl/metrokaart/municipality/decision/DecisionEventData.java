package nl.metrokaart.municipality.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code decision-recorded} and {@code decision-changed}: the event contract (schema {@code Decision} in
 * asyncapi.yaml), kept apart from the REST representation.
 */
public record DecisionEventData(UUID id, UUID projectId, String projectCode, String question, List<String> options,
        DecisionOutcome outcome, DecidingBody decidingBody, String decidingMunicipalityCode, LocalDate decidedOn,
        String rationale, long version, Instant createdAt, Instant updatedAt) {

    static DecisionEventData of(Decision d, String projectCode) {
        return new DecisionEventData(d.id, d.projectId, projectCode, d.question, List.copyOf(d.options), d.outcome,
                d.decidingBody, d.decidingMunicipalityCode, d.decidedOn, d.rationale, d.version, d.createdAt, d.updatedAt);
    }
}
