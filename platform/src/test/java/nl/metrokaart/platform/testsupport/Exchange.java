package nl.metrokaart.platform.testsupport;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * One HTTP exchange for the platform's Vert.x route filters, without a server: the request headers it was given,
 * and what the filter put in the routing context, the response headers and the logging context.
 */
public final class Exchange {

    private final Map<String, String> requestHeaders = new HashMap<>();
    private final MultiMap responseHeaders = MultiMap.caseInsensitiveMultiMap();
    private final Map<String, Object> context = new HashMap<>();
    private final List<Handler<?>> endHandlers = new ArrayList<>();
    private final List<Handler<?>> headersEndHandlers = new ArrayList<>();
    private final Map<String, Object> mdcAtNext = new HashMap<>();
    private final List<String> watchedMdcKeys = new ArrayList<>();
    private boolean passedOn;
    private String method = "GET";
    private String path = "/";

    public Exchange to(String method, String path) {
        this.method = method;
        this.path = path;
        return this;
    }

    public Exchange withRequestHeader(String name, String value) {
        if (value != null) {
            requestHeaders.put(name.toLowerCase(), value);
        }
        return this;
    }

    /** Records the logging context's value of {@code key} when the filter passes the request on. */
    public Exchange watchMdc(String key) {
        watchedMdcKeys.add(key);
        return this;
    }

    public RoutingContext routingContext() {
        HttpServerRequest request = proxy(HttpServerRequest.class, (name, args) -> switch (name) {
            case "getHeader" -> requestHeaders.get(String.valueOf(args[0]).toLowerCase());
            case "method" -> io.vertx.core.http.HttpMethod.valueOf(method);
            case "path" -> path;
            default -> throw new UnsupportedOperationException("request." + name);
        });
        HttpServerResponse[] response = new HttpServerResponse[1];
        response[0] = proxy(HttpServerResponse.class, (name, args) -> switch (name) {
            case "putHeader" -> {
                responseHeaders.set(String.valueOf(args[0]), String.valueOf(args[1]));
                yield response[0];
            }
            case "headers" -> responseHeaders;
            default -> throw new UnsupportedOperationException("response." + name);
        });
        return proxy(RoutingContext.class, (name, args) -> switch (name) {
            case "request" -> request;
            case "response" -> response[0];
            case "put" -> {
                context.put((String) args[0], args[1]);
                yield null;
            }
            case "get" -> context.get((String) args[0]);
            case "addEndHandler" -> {
                endHandlers.add((Handler<?>) args[0]);
                yield endHandlers.size();
            }
            case "addHeadersEndHandler" -> {
                headersEndHandlers.add((Handler<?>) args[0]);
                yield headersEndHandlers.size();
            }
            case "next" -> {
                passedOn = true;
                watchedMdcKeys.forEach(key -> mdcAtNext.put(key, MDC.get(key)));
                yield null;
            }
            default -> throw new UnsupportedOperationException("routingContext." + name);
        });
    }

    public boolean passedOn() {
        return passedOn;
    }

    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    public List<String> responseHeaders(String name) {
        return responseHeaders.getAll(name);
    }

    public Object context(String key) {
        return context.get(key);
    }

    public Object mdcDuringRequest(String key) {
        return mdcAtNext.get(key);
    }

    public void putContext(String key, Object value) {
        context.put(key, value);
    }

    /** The response headers are about to be written. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void headersEnd() {
        headersEndHandlers.forEach(handler -> ((Handler) handler).handle(null));
    }

    /** The exchange ended. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void end() {
        endHandlers.forEach(handler -> ((Handler) handler).handle(null));
    }

    private interface Call {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Call call) {
        return (T) Proxy.newProxyInstance(Exchange.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return type.getSimpleName();
            }
            return call.answer(method.getName(), args);
        });
    }
}
