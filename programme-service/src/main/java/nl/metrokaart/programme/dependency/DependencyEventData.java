package nl.metrokaart.programme.dependency;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code dependency-added} and of the tombstone {@code dependency-removed} (the link as it was): the event
 * contract (schema {@code Dependency} in asyncapi.yaml), kept apart from the REST representation.
 */
public record DependencyEventData(UUID id, UUID projectId, UUID predecessorId, DependencyType type, int lagDays,
        String explanation, Instant createdAt) {

    static DependencyEventData of(Dependency d) {
        return new DependencyEventData(d.id, d.projectId, d.predecessorId, d.type, d.lagDays, d.explanation, d.createdAt);
    }
}
