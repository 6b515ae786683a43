package nl.metrokaart.platform.text;

/** Free text as stored: without surrounding white space, and absent rather than blank. */
public final class Text {

    private Text() {
    }

    public static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
