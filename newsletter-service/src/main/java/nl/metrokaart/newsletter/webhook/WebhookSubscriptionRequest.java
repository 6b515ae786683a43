package nl.metrokaart.newsletter.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscriptionRequest", description = "A callback URL to register and the events it wants.")
public record WebhookSubscriptionRequest(
        @Schema(description = "Where deliveries are POSTed: an https (or http) URL without user information, whose "
                + "host resolves to public addresses only.", examples = "https://zaaksysteem.example.nl/hooks/metrokaart")
        @NotBlank @Size(max = 2000) String callbackUrl,
        @Schema(description = "The CloudEvents types to deliver: any type the activity feed records (events of "
                + "programme-service and municipality-service), and newsletter-service's own "
                + "nl.metrokaart.newsletter.newsletter-published and nl.metrokaart.newsletter.meeting-scheduled.",
                examples = "[\"nl.metrokaart.programme.milestone-missed\"]")
        @NotNull @Size(min = 1, max = 50) List<@NotBlank String> eventTypes,
        @Schema(description = "What the integrator uses it for.", examples = "Zaaksysteem Schoonhoven")
        @Size(max = 500) String description) {
}
