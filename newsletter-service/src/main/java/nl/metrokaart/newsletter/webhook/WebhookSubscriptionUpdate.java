package nl.metrokaart.newsletter.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscriptionUpdate", description = "A webhook subscription as it is to become.")
public record WebhookSubscriptionUpdate(
        @Schema(description = "Where deliveries are POSTed; a changed URL is verified again with a test delivery.",
                examples = "https://zaaksysteem.example.nl/hooks/metrokaart")
        @NotBlank @Size(max = 2000) String callbackUrl,
        @Schema(description = "The CloudEvents types to deliver.", examples = "[\"nl.metrokaart.programme.milestone-missed\"]")
        @NotNull @Size(min = 1, max = 50) List<@NotBlank String> eventTypes,
        @Size(max = 500) String description,
        @Schema(description = "False pauses deliveries; true (re-)enables the subscription and resets its run of "
                + "failed deliveries.") @NotNull Boolean enabled) {
}
