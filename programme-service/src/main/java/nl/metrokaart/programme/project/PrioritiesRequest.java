package nl.metrokaart.programme.project;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrioritiesRequest", description = "Every project of the programme exactly once, highest priority first.")
public record PrioritiesRequest(@NotNull List<@NotNull UUID> projectIds) {
}
