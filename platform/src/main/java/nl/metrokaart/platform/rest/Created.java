package nl.metrokaart.platform.rest;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * 201 Created with the new resource in the body and its URL, below the collection it was posted to, in Location
 * (on the gateway's public base URL, see {@link PublicUrls}).
 */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(UriInfo collection, Object id, T resource) {
        return RestResponse.ResponseBuilder.<T>created(PublicUrls.below(collection, id.toString()))
                .entity(resource).build();
    }
}
