package nl.metrokaart.platform.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.vertx.http.runtime.filters.Filters;
import java.util.UUID;
import nl.metrokaart.platform.testsupport.Exchange;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** The request id a request brings is kept only when it is safe; otherwise the service makes one. */
class RequestIdsTest {

    @Test
    void aSafeIdIsKeptEchoedAndLoggedForTheRequestOnly() {
        for (String id : new String[] {"abc-123", "f3b1c9e0-1d2e-4f5a-8b7c-6d5e4f3a2b1c", "gw:1701:42.7_x",
                "a".repeat(128)}) {
            Exchange exchange = run(id);
            assertEquals(id, exchange.responseHeader(RequestIds.HEADER));
            assertEquals(id, exchange.context(RequestIds.MDC_KEY));
            assertEquals(id, exchange.mdcDuringRequest(RequestIds.MDC_KEY));
            assertTrue(exchange.passedOn());
            exchange.end();
            assertNull(MDC.get(RequestIds.MDC_KEY), "the id leaves the logging context with its request");
        }
    }

    @Test
    void anUnsafeOrMissingIdIsReplacedByAFreshOne() {
        for (String id : new String[] {null, "", "has space", "line\nbreak", "-starts-with-dash", "a".repeat(129),
                "quote\"", "é", "semi;colon"}) {
            Exchange exchange = run(id);
            String used = exchange.responseHeader(RequestIds.HEADER);
            assertNotEquals(id, used);
            assertEquals(used, UUID.fromString(used).toString(), "a fresh UUID for " + id);
            assertEquals(used, exchange.context(RequestIds.MDC_KEY));
            exchange.end();
        }
    }

    private static Exchange run(String requestId) {
        Filters filters = new Filters();
        new RequestIds().register(filters);
        Exchange exchange = new Exchange().withRequestHeader(RequestIds.HEADER, requestId).watchMdc(RequestIds.MDC_KEY);
        filters.getFilters().get(0).getHandler().handle(exchange.routingContext());
        return exchange;
    }
}
