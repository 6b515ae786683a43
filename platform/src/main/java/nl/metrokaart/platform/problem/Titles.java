package nl.metrokaart.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import nl.metrokaart.platform.language.Language;

/**
 * Titles and human-readable default details for problem responses that carry none of their own, in the language
 * of the request (Dutch by default), from {@code problems_nl.properties} and {@code problems_en.properties}.
 */
final class Titles {

    private static final Map<Language, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Titles() {
    }

    static ResourceBundle bundle(Language language) {
        return BUNDLES.computeIfAbsent(language, l -> ResourceBundle.getBundle("nl.metrokaart.platform.problem.problems",
                l.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    static String forStatus(int status, Language language) {
        return text("title." + status, language, () -> {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "HTTP " + status : known.getReasonPhrase();
        });
    }

    /** Whether a title is the standard English one of its status: code that set it meant "the usual title". */
    static boolean isStandard(String title, int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return title.equals(text("title." + status, Language.EN, () -> null))
                || (known != null && title.equals(known.getReasonPhrase()));
    }

    static String detailForStatus(int status, Language language) {
        return text("detail." + status, language, () -> forStatus(status, language) + ".");
    }

    static String invalid(String reasons, Language language) {
        return ProblemTexts.in(language, "invalid", reasons);
    }

    private static String text(String key, Language language, java.util.function.Supplier<String> otherwise) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return otherwise.get();
        }
    }
}
