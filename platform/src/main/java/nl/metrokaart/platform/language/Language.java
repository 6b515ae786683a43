package nl.metrokaart.platform.language;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * The languages people read Metrokaart in: Dutch, the default, and English on request. Field and path names of
 * the APIs stay English (see the README glossary); this is about texts for people.
 */
@Schema(name = "Language", description = "Language of the texts for a person: nl (default) or en.", enumeration = {"nl", "en"})
public enum Language implements ApiValue {
    NL("nl"),
    EN("en");

    public static final Language DEFAULT = NL;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    @JsonValue
    public String tag() {
        return tag;
    }

    /** The tag, as the API and the database show it. */
    @Override
    public String value() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    @JsonCreator
    public static Language of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ProblemTexts.get("value.oneOf", "[nl, en]")));
    }

    /** The language of an {@code Accept-Language} header we have, by the caller's preference; Dutch when none is. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return DEFAULT; // a malformed header asks for nothing in particular
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-")[0];
            if (primary.equals("*")) {
                return DEFAULT;
            }
            for (Language language : values()) {
                if (language.tag.equalsIgnoreCase(primary)) {
                    return language;
                }
            }
        }
        return DEFAULT;
    }

    /** Stores a language by its tag ({@code nl}, {@code en}). */
    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<Language> {
        public Converter() {
            super(Language.class);
        }
    }
}
