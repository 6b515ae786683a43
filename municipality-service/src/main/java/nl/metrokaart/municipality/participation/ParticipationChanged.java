package nl.metrokaart.municipality.participation;

import java.util.UUID;

/**
 * Fired synchronously, inside the transaction, whenever a participation is registered or changed, so that
 * observers (cost allocation) update what depends on who participates in the same transaction.
 */
public record ParticipationChanged(String municipalityCode, UUID projectId) {
}
