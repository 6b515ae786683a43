package nl.metrokaart.programme.text;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import nl.metrokaart.platform.language.Language;

/**
 * The texts for people programme-service writes (the metro map, the planning as iCalendar) in one language, from
 * {@code texts_nl.properties} (Dutch, the default) and {@code texts_en.properties}; plain JDK resource bundles, so
 * the SVG and calendar writers use them in unit tests as in the service. One instance serves one rendering on one
 * thread ({@link #of} for each; MessageFormat is not thread-safe).
 */
public final class Texts {

    private final Language language;
    private final ResourceBundle bundle;
    /** Parsed once per key: a metro map formats a tooltip for each of thousands of stations and links. */
    private final Map<String, MessageFormat> formats = new HashMap<>();
    private final DateTimeFormatter dates;

    private Texts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("nl.metrokaart.programme.text.texts", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
    }

    public static Texts of(Language language) {
        return new Texts(language);
    }

    public Language language() {
        return language;
    }

    public String get(String key, Object... arguments) {
        if (arguments.length == 0) {
            return bundle.getString(key).replace("''", "'");
        }
        return formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), language.locale())).format(arguments);
    }

    /** "3 september 2009" / "3 September 2009". */
    public String date(LocalDate date) {
        return dates.format(date);
    }
}
