package nl.metrokaart.platform.problem;

import java.text.MessageFormat;
import java.util.Arrays;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.language.RequestLanguage;

/**
 * The platform's own problem details and {@code invalidParams} reasons, in the language of the current request
 * (Dutch by default), from {@code problems_nl.properties} and {@code problems_en.properties}. A text's
 * {@code {0}}, {@code {1}}… are filled with the arguments as written (no number formatting); an apostrophe is
 * an apostrophe.
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String get(String key, Object... arguments) {
        return in(RequestLanguage.current(), key, arguments);
    }

    static String in(Language language, String key, Object... arguments) {
        String pattern = Titles.bundle(language).getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), language.locale())
                .format(Arrays.stream(arguments).map(String::valueOf).toArray());
    }
}
