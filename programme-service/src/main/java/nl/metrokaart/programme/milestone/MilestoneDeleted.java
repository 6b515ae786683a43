package nl.metrokaart.programme.milestone;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the tombstone {@code milestone-deleted}: which milestone of which project is gone. {@code version} is one
 * above its last version, so a consumer that compares versions treats the deletion as the newest state.
 */
public record MilestoneDeleted(UUID id, UUID projectId, long version, Instant deletedAt) {
}
