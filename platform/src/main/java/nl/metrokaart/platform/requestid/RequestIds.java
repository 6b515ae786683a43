package nl.metrokaart.platform.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Takes the {@code X-Request-Id} the gateway generated (or makes one when called directly), echoes it on the
 * response and puts it in the logging context so that every log line of the request carries it.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /**
     * Only ids that cannot smuggle anything into logs or headers are taken over: the same alphabet the gateway
     * passes on (deploy/gateway/nginx.conf.template, map $req_id), so an id the gateway kept is kept here too.
     */
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String requestId = rc.request().getHeader(HEADER);
            if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
            }
            rc.put(MDC_KEY, requestId);
            rc.response().putHeader(HEADER, requestId);
            MDC.put(MDC_KEY, requestId);
            rc.addEndHandler(ignored -> MDC.remove(MDC_KEY));
            rc.next();
        }, 200);
    }
}
