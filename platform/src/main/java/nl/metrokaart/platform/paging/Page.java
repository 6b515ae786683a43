package nl.metrokaart.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code nextCursor} continues the list (null on the last page); for a changes feed it is
 * always set, so a client keeps polling from where it stopped.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page of a plain list.")
        String nextCursor) {

    /**
     * The page of a keyset query that fetched one item more than {@code limit} (Panache {@code range(0, limit)}, whose
     * bounds are inclusive): that extra item only tells that a next page exists, whose cursor is the position of this
     * page's last item.
     */
    public static <E, T> Page<T> ofFetched(List<E> fetched, int limit, Function<E, String> position, Function<E, T> item) {
        boolean more = fetched.size() > limit;
        List<E> page = more ? fetched.subList(0, limit) : fetched;
        String next = more ? Cursors.encode(position.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(item).toList(), next);
    }

    /** The same page with each item mapped, e.g. entities fetched as a page to their representations. */
    public <R> Page<R> map(Function<T, R> item) {
        return new Page<>(items.stream().map(item).toList(), nextCursor);
    }
}
