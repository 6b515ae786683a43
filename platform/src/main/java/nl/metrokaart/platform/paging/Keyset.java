package nl.metrokaart.platform.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The keyset position of a row in a list: the values of its sort keys, in order (e.g. priority rank, then id). A
 * cursor is this position, {@code |}-separated and base64url-encoded by {@link Cursors}; every list of every
 * service writes and reads its cursors through this class, so they all look and fail alike.
 */
public final class Keyset {

    private static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    private final List<String> values;
    private final String parameter;

    private Keyset(List<String> values, String parameter) {
        this.values = values;
        this.parameter = parameter;
    }

    /** The position of a row: its sort key values, each written as {@link String#valueOf}. */
    public static Keyset of(Object... values) {
        return new Keyset(Arrays.stream(values).map(String::valueOf).toList(), null);
    }

    /**
     * The position a cursor names, which must have {@code size} values; a cursor this API did not hand out is a
     * 400 naming {@code parameter}, here or when one of its values does not {@linkplain #get parse}.
     */
    public static Keyset after(String cursor, String parameter, int size) {
        List<String> values = split(Cursors.decode(cursor, parameter));
        if (values == null || values.size() != size) {
            throw Cursors.invalid(parameter);
        }
        return new Keyset(values, parameter);
    }

    /** The value at {@code index} parsed by {@code parse}; a value that does not parse is a 400 naming the cursor. */
    public <T> T get(int index, Function<String, T> parse) {
        try {
            return parse.apply(values.get(index));
        } catch (RuntimeException e) {
            throw Cursors.invalid(parameter);
        }
    }

    /** The value at {@code index} as text. */
    public String text(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }

    /** What {@link Cursors#encode} turns into a cursor, e.g. in {@link Page#ofFetched}. */
    public String position() {
        StringBuilder position = new StringBuilder();
        for (String value : values) {
            if (!position.isEmpty()) {
                position.append(SEPARATOR);
            }
            escape(value, position);
        }
        return position.toString();
    }

    /** The cursor of this position. */
    public String cursor() {
        return Cursors.encode(position());
    }

    /** Separators and escapes in a value are escaped; so are control characters, which a cursor must not carry. */
    private static void escape(String value, StringBuilder into) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                into.append(ESCAPE).append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                into.append(ESCAPE).append('u').append(String.format("%04x", (int) c));
            } else {
                into.append(c);
            }
        }
    }

    /** The values of a position, or null when it is not one {@link #position()} could have written. */
    private static List<String> split(String position) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < position.length(); i++) {
            char c = position.charAt(i);
            if (c == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else if (c != ESCAPE) {
                value.append(c);
            } else if (i + 1 < position.length() && (position.charAt(i + 1) == SEPARATOR || position.charAt(i + 1) == ESCAPE)) {
                value.append(position.charAt(++i));
            } else if (i + 5 < position.length() && position.charAt(i + 1) == 'u') {
                try {
                    value.append((char) Integer.parseInt(position.substring(i + 2, i + 6), 16));
                } catch (NumberFormatException e) {
                    return null;
                }
                i += 5;
            } else {
                return null;
            }
        }
        values.add(value.toString());
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Keyset keyset && values.equals(keyset.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return position();
    }
}
