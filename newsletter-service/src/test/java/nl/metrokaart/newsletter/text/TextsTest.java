package nl.metrokaart.newsletter.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.metrokaart.platform.language.Language;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages; times read the Dutch or English way, in the programme's zone. */
class TextsTest {

    @Test
    void everyKeyIsInBothLanguagesAndNamesAMethodOfTheBundle() throws IOException {
        Set<String> methods = Arrays.stream(Texts.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> dutch = keys("messages/msg_nl.properties");
        Set<String> english = keys("messages/msg_en.properties");
        assertEquals(methods, dutch, "Dutch keys (msg_nl.properties) = the bundle's methods");
        assertEquals(methods, english, "English keys (msg_en.properties) = the bundle's methods");
    }

    @Test
    void everyProblemTextOfThePlatformIsInBothLanguages() throws IOException {
        assertEquals(keys("nl/metrokaart/platform/problem/problems_nl.properties"),
                keys("nl/metrokaart/platform/problem/problems_en.properties"));
    }

    @Test
    void timesAreLocalAndWrittenThePeoplesWay() {
        ProgrammeTime time = new ProgrammeTime(ZoneId.of("Europe/Amsterdam"));
        Instant start = Instant.parse("2009-09-03T08:00:00Z");
        Instant end = Instant.parse("2009-09-03T10:00:00Z");
        assertEquals("donderdag 3 september 2009, 10:00–12:00", time.span(start, end, Language.NL));
        assertEquals("Thursday 3 September 2009, 10:00–12:00", time.span(start, end, Language.EN));
        assertEquals("3 december 2026", time.date(LocalDate.of(2026, 12, 3), Language.NL));
        assertTrue(time.span(start, Instant.parse("2009-09-04T07:00:00Z"), Language.NL).endsWith("vrijdag 4 september 2009, 09:00"));
    }

    @Test
    void namesAreNotDoubled() {
        assertEquals("WION – Wet informatie-uitwisseling ondergrondse netten",
                Names.project("WION", "Wet informatie-uitwisseling ondergrondse netten"));
        assertEquals("WION: cable and pipe notifications", Names.project("WION", "WION: cable and pipe notifications"));
        assertEquals("DigiD en eHerkenning", Names.project("DIGID", "DigiD en eHerkenning"));
    }

    @Test
    void acceptLanguageChoosesEnglishOnlyWhenAsked() {
        assertEquals(Language.NL, Language.negotiate(null));
        assertEquals(Language.NL, Language.negotiate("de-DE, fr;q=0.8"));
        assertEquals(Language.EN, Language.negotiate("en-GB,en;q=0.9,nl;q=0.8"));
        assertEquals(Language.NL, Language.negotiate("nl-NL, en;q=0.5"));
        assertEquals(Language.NL, Language.negotiate("en;q=0, *"));
        assertEquals(Language.NL, Language.negotiate(";;;=="));
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
