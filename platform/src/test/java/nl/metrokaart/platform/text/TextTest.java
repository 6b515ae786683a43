package nl.metrokaart.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void blankIsAbsentAndTextIsStripped() {
        assertNull(Text.strippedOrNull(null));
        assertNull(Text.strippedOrNull(" \t\n"));
        assertEquals("Raad van Vlist", Text.strippedOrNull("  Raad van Vlist \n"));
    }
}
