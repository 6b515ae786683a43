package nl.metrokaart.newsletter.text;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.language.LocalizedBundles;

/** The {@link Texts} of each language, and templates rendered in one. */
@ApplicationScoped
public class Translations {

    public Texts of(Language language) {
        return LocalizedBundles.of(Texts.class, language);
    }

    /** A template instance whose {@code msg:} expressions render in this language. */
    public static TemplateInstance in(Language language, TemplateInstance template) {
        return template.setLocale(language.locale());
    }
}
