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
 * so integrators polling unchanged resources and lists transfer nothing. The body sent is the JSON the tag was
 * computed from, serialised once.
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
        EntityTags.TaggedJson tagged = entityTags.tagged(response.getEntity());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tagged.etag());
        if (EntityTags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tagged.etag())) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            // The very bytes the tag was computed from, not a second serialisation: half the JSON work per GET.
            response.setEntity(tagged.json(), response.getEntityAnnotations(),
                    type == null ? MediaType.APPLICATION_JSON_TYPE : type);
        }
    }
}
