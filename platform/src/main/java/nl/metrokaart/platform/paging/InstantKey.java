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
        return instant + "|" + id;
    }

    /** The position a cursor names; a cursor this API did not hand out is a 400 naming {@code parameter}. */
    public static InstantKey after(String cursor, String parameter) {
        String[] position = Cursors.decode(cursor, parameter).split("\\|", 2);
        InstantKey key;
        try {
            key = new InstantKey(Instant.parse(position[0]), UUID.fromString(position[1]));
        } catch (RuntimeException e) {
            throw Cursors.invalid(parameter);
        }
        if (!InputBounds.within(key.instant())) {
            throw Cursors.invalid(parameter);
        }
        return key;
    }
}
