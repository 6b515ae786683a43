package nl.metrokaart.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code nextCursor} continues the list (null on the last page); for a changes feed it is
 * always set, so a client keeps polling from where it stopped.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page of a plain list.")
        String nextCursor) {
}
