package nl.metrokaart.municipality.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code participation-registered} and {@code participation-changed}: the event contract (schema
 * {@code Participation} in asyncapi.yaml), kept apart from the REST representation.
 */
public record ParticipationEventData(UUID id, String municipalityCode, UUID projectId, String projectCode,
        boolean participates, String localLead, ImplementationStatus implementationStatus, LocalDate plannedGoLiveDate,
        long version, Instant createdAt, Instant updatedAt) {

    static ParticipationEventData of(Participation p, String projectCode) {
        return new ParticipationEventData(p.id, p.municipalityCode, p.projectId, projectCode, p.participates,
                p.localLead, p.implementationStatus, p.plannedGoLiveDate, p.version, p.createdAt, p.updatedAt);
    }
}
