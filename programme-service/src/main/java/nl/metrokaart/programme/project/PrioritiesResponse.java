package nl.metrokaart.programme.project;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Priorities", description = "The programme's projects by priority, highest first.")
public record PrioritiesResponse(UUID programmeId, List<UUID> projectIds) {
}
