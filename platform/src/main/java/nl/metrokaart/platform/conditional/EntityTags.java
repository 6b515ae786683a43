package nl.metrokaart.platform.conditional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Strong entity tags derived from the JSON representation a client receives: equal representations have equal
 * tags, any change to what the client sees changes the tag. Used for single resources and lists alike.
 */
@ApplicationScoped
public class EntityTags {

    @Inject
    ObjectMapper objectMapper;

    /** A representation as the JSON a client receives, and the strong ETag of exactly those bytes. */
    public record TaggedJson(byte[] json, String etag) {
    }

    /** The quoted strong ETag of a representation. */
    public String of(Object representation) {
        return ofJson(json(representation));
    }

    /** The representation serialised once: its JSON bytes (to send as they are) and their ETag. */
    public TaggedJson tagged(Object representation) {
        byte[] json = json(representation);
        return new TaggedJson(json, ofJson(json));
    }

    /**
     * 200 with the representation serialised once, as the JSON bytes the client receives, and their ETag; or 304
     * without a body when {@code ifNoneMatch} lists the tag: the answer {@link ConditionalGet} gives, for a
     * resource that answers with a {@link Response} of its own. {@code type} is the JSON media type the resource
     * answers with (with or without its charset).
     */
    public Response conditionalJson(Object representation, MediaType type, String ifNoneMatch) {
        return conditionalJson(tagged(representation), type, ifNoneMatch);
    }

    /** As {@link #conditionalJson(Object, MediaType, String)}, for a representation serialised before (e.g. kept). */
    public Response conditionalJson(TaggedJson tagged, MediaType type, String ifNoneMatch) {
        if (matches(ifNoneMatch, tagged.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, tagged.etag()).build();
        }
        return Response.ok(tagged.json(), type).header(HttpHeaders.ETAG, tagged.etag()).build();
    }

    private byte[] json(Object representation) {
        try {
            return objectMapper.writeValueAsBytes(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Representation cannot be serialised for its ETag", e);
        }
    }

    /** The tag of a representation's JSON bytes. */
    static String ofJson(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * 200 with a changed resource and its ETag, so the client can send its next If-Match without reading the
     * resource again.
     */
    public <T> RestResponse<T> ok(T representation) {
        return RestResponse.ResponseBuilder.ok(representation).header(HttpHeaders.ETAG, of(representation)).build();
    }

    /** Whether an If-Match or If-None-Match header value lists the tag (or is the wildcard). */
    public static boolean matches(String headerValue, String etag) {
        if (headerValue == null) {
            return false;
        }
        for (String candidate : headerValue.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals(etag.replace("\"", ""))) {
                return true;
            }
        }
        return false;
    }
}
