package nl.metrokaart.platform.conditional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every successful JSON GET gets a strong ETag; a request whose If-None-Match lists it gets 304 without a body,
 * so integrators polling unchanged resources and lists transfer nothing.
 */
public class ConditionalGet {

    @Inject
    EntityTags entityTags;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || response.getStatus() != 200
                || response.getEntity() == null || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        String etag = entityTags.of(response.getEntity());
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (EntityTags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
