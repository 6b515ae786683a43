package nl.metrokaart.programme.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import nl.metrokaart.platform.language.Language;
import org.junit.jupiter.api.Test;

/** Every text of programme-service exists in both languages. */
class TextsTest {

    @Test
    void everyKeyIsInBothLanguages() {
        assertEquals(keys(Language.NL), keys(Language.EN));
        assertEquals("Metrokaart: EGEM", Texts.of(Language.NL).get("map.title", "EGEM"));
        assertEquals("3 september 2009", Texts.of(Language.NL).date(java.time.LocalDate.of(2009, 9, 3)));
        assertEquals("Lines are the programme's themes, stations its projects (circles, at their planned start) and key "
                + "milestones (diamonds, at their due date); black links join projects that depend on each other.",
                Texts.of(Language.EN).get("map.description"));
    }

    private static Set<String> keys(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle("nl.metrokaart.programme.text.texts", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(bundle.keySet());
    }
}
