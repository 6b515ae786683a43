package nl.metrokaart.newsletter.text;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import nl.metrokaart.platform.language.Language;

/** The {@link Texts} of each language, and templates rendered in one. */
@ApplicationScoped
public class Translations {

    private final Map<Language, Texts> bundles = new EnumMap<>(Language.class);

    public Texts of(Language language) {
        return bundles.computeIfAbsent(language, l -> MessageBundles.get(Texts.class, Localized.Literal.of(l.tag())));
    }

    /** A template instance whose {@code msg:} expressions render in this language. */
    public static TemplateInstance in(Language language, TemplateInstance template) {
        return template.setLocale(language.locale());
    }
}
