package nl.metrokaart.municipality.cost;

import java.time.Instant;
import java.util.UUID;
import nl.metrokaart.municipality.project.OfProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllocationKey", description = "The key by which a project's costs are shared among its participants.")
public record AllocationKeyResponse(
        UUID projectId,
        @Schema(description = "The project's code in the programme.", examples = "WION") String projectCode,
        AllocationMethod method,
        @Schema(description = "For method weighted: the part of the budget shared by inhabitants, in percent; else absent.",
                minimum = "0", maximum = "100") Integer inhabitantsWeightPercent,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static AllocationKeyResponse of(OfProject<AllocationKey> chosen) {
        AllocationKey key = chosen.record();
        return new AllocationKeyResponse(key.projectId, chosen.projectCode(), key.method, key.inhabitantsWeightPercent,
                key.version, key.createdAt, key.updatedAt);
    }

    /** Data of allocation-key-chosen. */
    public record Chosen(UUID projectId, String projectCode, AllocationMethod method, Integer inhabitantsWeightPercent) {

        static Chosen of(OfProject<AllocationKey> chosen) {
            AllocationKey key = chosen.record();
            return new Chosen(key.projectId, chosen.projectCode(), key.method, key.inhabitantsWeightPercent);
        }
    }
}
