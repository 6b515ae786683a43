package nl.metrokaart.platform.version;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds the {@code API-Version} header (NL GOV ADR /core/version-header) to every HTTP response of the service,
 * including problem responses, the OpenAPI document and health checks, which JAX-RS filters would not reach.
 */
@ApplicationScoped
public class ApiVersion {
    public static final String HEADER = "API-Version";

    @ConfigProperty(name = "metrokaart.api.version")
    String version;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.response().putHeader(HEADER, version);
            rc.next();
        }, 100);
    }
}
