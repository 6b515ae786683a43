package nl.metrokaart.platform.paging;

import java.time.Instant;
import java.util.UUID;
import nl.metrokaart.platform.input.InputBounds;

/**
 * The keyset position of a row in a list ordered by an instant (start, creation), then by id: the position
 * {@link Page#ofFetched} puts in a cursor, and what a cursor decodes to.
 */
public record InstantKey(Instant instant, UUID id) {

    /** The position to encode in a cursor: {@code instant|id}. */
    public String position() {
        return Keyset.of(instant, id).position();
    }

    /**
     * An instant of a cursor, as a {@link KeysetPaging.SortKey}'s parse: one outside the stored range was not handed
     * out by us (and would fail in the database), so it is refused like any value that does not parse.
     */
    public static Instant parseWithinBounds(String value) {
        Instant instant = Instant.parse(value);
        if (!InputBounds.within(instant)) {
            throw new IllegalArgumentException("instant out of range: " + value);
        }
        return instant;
    }

    /** The position a cursor names; a cursor this API did not hand out is a 400 naming {@code parameter}. */
    public static InstantKey after(String cursor, String parameter) {
        Keyset position = Keyset.after(cursor, parameter, 2);
        InstantKey key = new InstantKey(position.get(0, Instant::parse), position.get(1, UUID::fromString));
        if (!InputBounds.within(key.instant())) {
            throw Cursors.invalid(parameter);
        }
        return key;
    }
}
