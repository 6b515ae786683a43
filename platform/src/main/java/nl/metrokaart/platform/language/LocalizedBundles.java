package nl.metrokaart.platform.language;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A service's Qute type-safe message bundle (an interface annotated {@code @MessageBundle}, its texts in
 * {@code messages/<name>_nl.properties} and {@code _en.properties}) in one language, or in the language of the
 * current request.
 */
public final class LocalizedBundles {

    private LocalizedBundles() {
    }

    public static <T> T of(Class<T> bundle, Language language) {
        return MessageBundles.get(bundle, Localized.Literal.of(language.tag()));
    }

    /** In the language the current request asks for (Dutch by default); the answer says so in Content-Language. */
    public static <T> T forRequest(Class<T> bundle) {
        return of(bundle, RequestLanguage.current());
    }
}
