package nl.metrokaart.platform.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.vertx.http.runtime.filters.Filters;
import nl.metrokaart.platform.testsupport.Exchange;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Every response carries the API-Version header (ADR /core/version-header) with the configured version. */
class ApiVersionTest {

    @Test
    void everyResponseCarriesTheConfiguredVersion() {
        ApiVersion apiVersion = new ApiVersion();
        apiVersion.version = "1.4.2";
        Filters filters = new Filters();
        apiVersion.register(filters);
        Exchange exchange = new Exchange();
        filters.getFilters().get(0).getHandler().handle(exchange.routingContext());
        assertEquals("1.4.2", exchange.responseHeader(ApiVersion.HEADER));
        assertTrue(exchange.passedOn(), "the request goes on to its route");
    }

    @Test
    void theVersionEveryServiceSharesIsSemantic() {
        // The platform's defaults (META-INF/microprofile-config.properties) give every service its version.
        String version = ConfigProvider.getConfig().getValue("metrokaart.api.version", String.class);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
    }
}
