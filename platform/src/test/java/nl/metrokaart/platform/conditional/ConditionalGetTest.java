package nl.metrokaart.platform.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which responses get an ETag, and when If-None-Match turns one into a 304 without a body. */
class ConditionalGetTest {

    private final ConditionalGet filter = new ConditionalGet();

    ConditionalGetTest() {
        filter.entityTags = new EntityTags();
        filter.entityTags.objectMapper = new ObjectMapper();
    }

    @Test
    void aJsonGetIsTaggedAndAMatchingIfNoneMatchIs304WithoutBody() {
        Map<String, Object> first = response(200, MediaType.APPLICATION_JSON_TYPE, Map.of("a", 1));
        filter.tag(request("GET", null), context(first));
        String etag = (String) headers(first).getFirst("ETag");
        assertEquals(filter.entityTags.of(Map.of("a", 1)), etag);
        assertEquals(200, first.get("status"));
        assertEquals("{\"a\":1}", new String((byte[]) first.get("entity"), java.nio.charset.StandardCharsets.UTF_8),
                "the body is the JSON the tag was computed from");

        Map<String, Object> again = response(200, MediaType.APPLICATION_JSON_TYPE, Map.of("a", 1));
        filter.tag(request("GET", "\"other\", " + etag), context(again));
        assertEquals(304, again.get("status"));
        assertNull(again.get("entity"));

        Map<String, Object> changed = response(200, MediaType.APPLICATION_JSON_TYPE, Map.of("a", 2));
        filter.tag(request("GET", etag), context(changed));
        assertEquals(200, changed.get("status"), "a changed representation is sent in full");
    }

    @Test
    void writesOtherStatusesOtherTypesAndTaggedResponsesAreLeftAlone() {
        Map<String, Object> posted = response(200, MediaType.APPLICATION_JSON_TYPE, "x");
        filter.tag(request("POST", "*"), context(posted));
        assertNull(headers(posted).getFirst("ETag"));
        Map<String, Object> created = response(201, MediaType.APPLICATION_JSON_TYPE, "x");
        filter.tag(request("GET", null), context(created));
        assertNull(headers(created).getFirst("ETag"));
        Map<String, Object> calendar = response(200, MediaType.valueOf("text/calendar"), "BEGIN:VCALENDAR");
        filter.tag(request("GET", null), context(calendar));
        assertNull(headers(calendar).getFirst("ETag"));
        Map<String, Object> own = response(200, MediaType.APPLICATION_JSON_TYPE, "x");
        headers(own).putSingle("ETag", "\"own\"");
        filter.tag(request("GET", "\"own\""), context(own));
        assertEquals("\"own\"", headers(own).getFirst("ETag"));
        assertEquals(200, own.get("status"), "a resource that tags itself answers itself");
    }

    private static Map<String, Object> response(int status, MediaType type, Object entity) {
        Map<String, Object> response = new HashMap<>();
        response.put("status", status);
        response.put("type", type);
        response.put("entity", entity);
        response.put("headers", new MultivaluedHashMap<String, Object>());
        return response;
    }

    @SuppressWarnings("unchecked")
    private static MultivaluedMap<String, Object> headers(Map<String, Object> response) {
        return (MultivaluedMap<String, Object>) response.get("headers");
    }

    private static ContainerRequestContext request(String method, String ifNoneMatch) {
        return (ContainerRequestContext) Proxy.newProxyInstance(ConditionalGetTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeaderString" -> "If-None-Match".equals(args[0]) ? ifNoneMatch : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ContainerResponseContext context(Map<String, Object> response) {
        return (ContainerResponseContext) Proxy.newProxyInstance(ConditionalGetTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getStatus" -> response.get("status");
                    case "setStatus" -> response.put("status", args[0]);
                    case "getEntity" -> response.get("entity");
                    case "setEntity" -> {
                        response.put("entity", args[0]);
                        if (args.length == 3) {
                            response.put("type", args[2]);
                        }
                        yield null;
                    }
                    case "getEntityAnnotations" -> new java.lang.annotation.Annotation[0];
                    case "getMediaType" -> response.get("type");
                    case "getHeaders" -> response.get("headers");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
