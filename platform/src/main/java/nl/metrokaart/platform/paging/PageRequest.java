package nl.metrokaart.platform.paging;

import jakarta.ws.rs.QueryParam;
import nl.metrokaart.platform.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The cursor and page size every list endpoint takes, declared and documented once: {@code @BeanParam PageRequest
 * page}. The size is parsed here rather than by JAX-RS, so {@code limit=ten} is a 400 naming {@code limit}, as
 * {@code limit=0} is, instead of JAX-RS's 404 for an unparsable query parameter.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @Parameter(description = "Continue the list after this cursor (nextCursor of the previous page).")
    @QueryParam("cursor")
    String cursor;

    @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER,
            defaultValue = "20", minimum = "1", maximum = "100"))
    @QueryParam("limit")
    String limit;

    /** The opaque cursor as given, or null for the first page; each list decodes and checks its own. */
    public String cursor() {
        return cursor;
    }

    /** The page size: 20 when absent, else 1 to 100. */
    public int limit() {
        return QueryParams.wholeNumber("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }
}
