package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubscriptionRequest", description = "Who gets e-mail, about what, and how.")
public record SubscriptionRequest(
        @Schema(examples = "Anna de Vries") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "a.devries@krimpenerwaard.nl") @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "CBS code of the subscriber's municipality, if any.", examples = "GM1931")
        @Pattern(regexp = "^GM\\d{4}$", message = "{nl.metrokaart.newsletter.subscription.municipalityCode}") String municipalityCode,
        @NotNull SubscriberRole role,
        @NotNull Follows follows,
        @Schema(description = "The projects followed; required, and only allowed, when follows is projects.")
        @Size(max = 100) List<@NotNull UUID> projectIds,
        @NotNull Delivery delivery,
        @Schema(description = "Language of the mails: nl (default) or en.") Language language) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.newsletter.subscription.projectIds}")
    @Schema(hidden = true)
    public boolean isProjectIds() {
        boolean listed = projectIds != null && !projectIds.isEmpty();
        return follows == null || listed == (follows == Follows.PROJECTS);
    }
}
