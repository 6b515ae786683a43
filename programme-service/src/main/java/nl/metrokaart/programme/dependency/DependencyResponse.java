package nl.metrokaart.programme.dependency;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dependency", description = "A link between two projects of a programme: an interchange on the metro map. "
        + "Links are immutable: to change one, delete it and add a new one.")
public record DependencyResponse(
        UUID id,
        @Schema(description = "The dependent project.") UUID projectId,
        @Schema(description = "The project it depends on.") UUID predecessorId,
        DependencyType type,
        @Schema(description = "Days between the predecessor's end and this project's start (must-finish-before only).")
        int lagDays,
        @Schema(nullable = true) String explanation,
        Instant createdAt) {

    static DependencyResponse of(Dependency d) {
        return new DependencyResponse(d.id, d.projectId, d.predecessorId, d.type, d.lagDays, d.explanation, d.createdAt);
    }
}
