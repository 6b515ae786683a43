package nl.metrokaart.programme.text;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import nl.metrokaart.platform.language.Language;

/**
 * The texts for people programme-service writes (the metro map, the planning as iCalendar) in one language, from
 * {@code texts_nl.properties} (Dutch, the default) and {@code texts_en.properties}; plain JDK resource bundles, so
 * the SVG and calendar writers use them in unit tests as in the service.
 */
public final class Texts {

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("nl.metrokaart.programme.text.texts", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(Language language) {
        return new Texts(language);
    }

    public Language language() {
        return language;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /** "3 september 2009" / "3 September 2009". */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(date);
    }
}
