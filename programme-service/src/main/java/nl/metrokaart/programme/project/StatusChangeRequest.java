package nl.metrokaart.programme.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChangeRequest", description = "A transition of the project's status, with the reason.")
public record StatusChangeRequest(
        @NotNull ProjectStatus status,
        @Schema(description = "Why the status changes; shown in the history and the newsletter.")
        @NotBlank @Size(max = 2000) String explanation) {
}
