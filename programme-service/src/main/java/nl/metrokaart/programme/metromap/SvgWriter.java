package nl.metrokaart.programme.metromap;

/**
 * A minimal, indenting SVG (XML) writer. Every attribute value and text goes through {@link #escape}, so names
 * typed by users cannot break the document or inject markup.
 */
final class SvgWriter {

    private final StringBuilder out = new StringBuilder(32_768);
    private int depth;

    SvgWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens an element; {@code attributes} are name, value pairs. */
    SvgWriter open(String name, Object... attributes) {
        indent().append('<').append(name);
        attributes(attributes).append(">\n");
        depth++;
        return this;
    }

    SvgWriter close(String name) {
        depth--;
        indent().append("</").append(name).append(">\n");
        return this;
    }

    SvgWriter empty(String name, Object... attributes) {
        indent().append('<').append(name);
        attributes(attributes).append("/>\n");
        return this;
    }

    /** An element with only text content. */
    SvgWriter text(String name, String text, Object... attributes) {
        indent().append('<').append(name);
        appendEscaped(attributes(attributes).append('>'), text).append("</").append(name).append(">\n");
        return this;
    }

    /** An element with a tooltip: the accessible name browsers show on hover. */
    SvgWriter titled(String name, String title, Object... attributes) {
        indent().append('<').append(name);
        appendEscaped(attributes(attributes).append("><title>"), title).append("</title></").append(name).append(">\n");
        return this;
    }

    /** A text whose first part is bold (a project code) and the rest plain, on one line so no stray spaces appear. */
    SvgWriter boldPrefixText(String bold, String rest, Object... attributes) {
        indent().append("<text");
        appendEscaped(attributes(attributes).append("><tspan font-weight=\"bold\">"), bold).append("</tspan>");
        appendEscaped(out, rest).append("</text>\n");
        return this;
    }

    String finish() {
        if (depth != 0) {
            throw new IllegalStateException("Unclosed SVG elements: " + depth);
        }
        return out.toString();
    }

    private StringBuilder indent() {
        return out.append("  ".repeat(depth));
    }

    private StringBuilder attributes(Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                appendEscaped(out, String.valueOf(attributes[i + 1])).append('"');
            }
        }
        return out;
    }

    /** XML-escapes text and drops the characters XML 1.0 does not allow at all (most control characters). */
    static String escape(String text) {
        return appendEscaped(new StringBuilder(text.length() + 16), text).toString();
    }

    /**
     * {@link #escape} straight into the document: a plain loop, no stream or copy per value, since a map of
     * thousands of stations escapes tens of thousands of values.
     */
    private static StringBuilder appendEscaped(StringBuilder escaped, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 && c <= 0x7E) {
                        escaped.append((char) c);
                    } else if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x7F && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        }
        return escaped;
    }
}
