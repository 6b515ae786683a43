package nl.metrokaart.newsletter.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import nl.metrokaart.platform.retention.RetentionRule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settled webhook deliveries (delivered, failed, abandoned) go after their retention (the platform's Retention job). */
@ApplicationScoped
public class WebhookRetention {

    @ConfigProperty(name = "metrokaart.retention.webhook-deliveries", defaultValue = "P30D")
    Duration webhookDeliveries;

    @Produces
    RetentionRule settledWebhookDeliveries() {
        return new RetentionRule("settled webhook deliveries", "webhook_delivery",
                "status <> 'pending' AND COALESCE(last_attempt_at, created_at) < :before", webhookDeliveries);
    }
}
