package nl.metrokaart.platform.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.vertx.http.runtime.filters.Filters;
import java.util.List;
import java.util.Locale;
import nl.metrokaart.platform.testsupport.Exchange;
import org.junit.jupiter.api.Test;

/** Which language a request gets, how a language is stored, and how the answer says which it used. */
class LanguageTest {

    @Test
    void dutchUnlessTheCallerPrefersEnglish() {
        assertEquals(Language.NL, Language.negotiate(null));
        assertEquals(Language.NL, Language.negotiate(" "));
        assertEquals(Language.NL, Language.negotiate("nl-NL"));
        assertEquals(Language.EN, Language.negotiate("en-GB,en;q=0.9,nl;q=0.5"));
        assertEquals(Language.EN, Language.negotiate("fr-FR, de;q=0.9, en;q=0.8"), "the first language we have");
        assertEquals(Language.NL, Language.negotiate("nl;q=0.9, en;q=0.8"), "by weight, not by letter");
        assertEquals(Language.EN, Language.negotiate("EN"));
        assertEquals(Language.NL, Language.negotiate("de, fr"), "none we have: the default");
        assertEquals(Language.NL, Language.negotiate("*"));
        assertEquals(Language.NL, Language.negotiate("en;q=0"), "q=0 means not this one");
        assertEquals(Language.NL, Language.negotiate("en;q=abc,,;;"), "a malformed header asks for nothing");
    }

    @Test
    void aLanguageIsStoredAndShownByItsTag() {
        Language.Converter converter = new Language.Converter();
        assertEquals("en", converter.convertToDatabaseColumn(Language.EN));
        assertEquals(Language.NL, converter.convertToEntityAttribute("nl"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertEquals(Language.EN, Language.of("en"));
        assertEquals("en", Language.EN.value());
        assertEquals(Locale.forLanguageTag("nl"), Language.NL.locale());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Language.of("de"));
        assertEquals("moet een van [nl, en] zijn", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("EN"));
    }

    @Test
    void outsideARequestTextsAreDutch() {
        assertEquals(Language.NL, RequestLanguage.current());
        assertEquals(Language.NL, new RequestLanguage().get());
    }

    @Test
    void anAnswerThatUsedTheLanguageSaysSoAndVariesByIt() {
        Exchange used = negotiated("en-US");
        assertEquals(Language.EN, used.context("metrokaart.language"));
        used.putContext("metrokaart.language.used", Language.EN);
        used.headersEnd();
        assertEquals("en", used.responseHeader(RequestLanguage.CONTENT_LANGUAGE));
        assertEquals(List.of("Accept-Language"), used.responseHeaders("Vary"));

        Exchange unused = negotiated("en-US");
        unused.headersEnd();
        assertNull(unused.responseHeader(RequestLanguage.CONTENT_LANGUAGE), "no text for people, no Content-Language");
        assertNull(unused.responseHeader("Vary"));
    }

    private static Exchange negotiated(String acceptLanguage) {
        Filters filters = new Filters();
        new RequestLanguage().register(filters);
        Exchange exchange = new Exchange().withRequestHeader("Accept-Language", acceptLanguage);
        filters.getFilters().get(0).getHandler().handle(exchange.routingContext());
        return exchange;
    }
}
