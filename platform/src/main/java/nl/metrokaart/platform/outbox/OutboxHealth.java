package nl.metrokaart.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import io.smallrye.health.api.HealthGroup;

/**
 * The outbox in {@code /q/health}: readiness stays UP whatever the outbox holds (a parked event must not take the
 * instance out of service), but carries the counts and a warning when events are parked; the {@code events} group
 * ({@code /q/health/group/events}) is DOWN while any event is parked, for alerting.
 */
@ApplicationScoped
public class OutboxHealth {

    static final String WARNING = "events refused by Kafka for good are parked; see outbox_event.last_error and the "
            + "README (Events) on re-driving them";

    @Inject
    OutboxRelay relay;

    @Produces
    @Readiness
    HealthCheck outbox() {
        return () -> {
            var response = HealthCheckResponse.named("Outbox").up()
                    .withData("pending", relay.pending()).withData("parked", relay.parked());
            if (relay.parked() > 0) {
                response.withData("warning", relay.parked() + " " + WARNING);
            }
            return response.build();
        };
    }

    @Produces
    @HealthGroup("events")
    HealthCheck parkedEvents() {
        return () -> HealthCheckResponse.named("Parked outbox events").status(relay.parked() == 0)
                .withData("parked", relay.parked()).build();
    }
}
