package nl.metrokaart.platform.rest;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Absolute URLs as clients must use them: the gateway's public base URL ({@code metrokaart.public-base-url}) and
 * the request's path. The Host, scheme and X-Forwarded-* a client sent never make it into a URL the service hands
 * out (a forged Host would otherwise put another site's address in a Location or a calendar link).
 */
public final class PublicUrls {

    public static final String BASE_URL_PROPERTY = "metrokaart.public-base-url";

    private PublicUrls() {
    }

    /** The configured base URL, without a trailing slash. */
    public static String baseUrl() {
        return ConfigProvider.getConfig().getValue(BASE_URL_PROPERTY, String.class).replaceAll("/+$", "");
    }

    /** The public URL of the resource the request addressed, with {@code segments} appended. */
    public static URI below(UriInfo request, String... segments) {
        StringBuilder url = new StringBuilder(baseUrl()).append(request.getAbsolutePath().getRawPath().replaceAll("/+$", ""));
        for (String segment : segments) {
            url.append('/').append(segment);
        }
        return URI.create(url.toString());
    }
}
