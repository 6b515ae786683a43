package nl.metrokaart.platform.enums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiValueTest {

    @Test
    void parsesByValueNotByName() {
        assertEquals(Colour.DARK_RED, ApiValue.parse(Colour.class, "dark-red"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ApiValue.parse(Colour.class, "DARK_RED"));
        assertEquals("must be one of [dark-red, blue]", wrong.getMessage());
        assertEquals(List.of("dark-red", "blue"), ApiValue.values(Colour.class));
    }

    @Test
    void converterStoresTheApiValueAndReadsItBack() {
        Colour.Converter converter = new Colour.Converter();
        assertEquals("dark-red", converter.convertToDatabaseColumn(Colour.DARK_RED));
        assertEquals(Colour.BLUE, converter.convertToEntityAttribute("blue"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("green"));
    }
}
