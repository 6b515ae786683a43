package nl.metrokaart.platform.language;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The language a request asks for ({@code Accept-Language}; Dutch by default). A response that used it to write
 * text for people (a problem title, a summary, a page) says so in {@code Content-Language}.
 */
@ApplicationScoped
public class RequestLanguage {

    public static final String CONTENT_LANGUAGE = "Content-Language";
    private static final String NEGOTIATED = "metrokaart.language";
    private static final String USED = "metrokaart.language.used";

    @Inject
    CurrentVertxRequest currentRequest;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.put(NEGOTIATED, Language.negotiate(rc.request().getHeader("Accept-Language")));
            rc.addHeadersEndHandler(ignored -> {
                Language used = rc.get(USED);
                if (used != null && !rc.response().headers().contains(CONTENT_LANGUAGE)) {
                    rc.response().putHeader(CONTENT_LANGUAGE, used.tag());
                }
                if (used != null) {
                    rc.response().headers().add("Vary", "Accept-Language");
                }
            });
            rc.next();
        }, 90);
    }

    /** As {@link #get()}, for code that is no bean (static factories of problems): Dutch outside a container. */
    public static Language current() {
        var container = Arc.container(); // none in plain unit tests
        var requestLanguage = container == null ? null : container.instance(RequestLanguage.class);
        return requestLanguage != null && requestLanguage.isAvailable() ? requestLanguage.get().get() : Language.DEFAULT;
    }

    /** The language of the current request, marked as used for its answer; Dutch outside a request. */
    public Language get() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return Language.DEFAULT;
        }
        RoutingContext rc = currentRequest.getCurrent();
        if (rc == null) {
            return Language.DEFAULT;
        }
        Language language = rc.get(NEGOTIATED);
        if (language == null) {
            language = Language.negotiate(rc.request().getHeader("Accept-Language"));
        }
        rc.put(USED, language);
        return language;
    }
}
