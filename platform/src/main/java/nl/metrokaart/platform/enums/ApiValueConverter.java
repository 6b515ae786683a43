package nl.metrokaart.platform.enums;

import jakarta.persistence.AttributeConverter;

/**
 * Stores an {@link ApiValue} enum by its public value, so the database reads like the API. Each enum declares one
 * nested subclass, {@code public static class Converter extends ApiValueConverter<Status>}, named in
 * {@code @Convert(converter = Status.Converter.class)}.
 */
public abstract class ApiValueConverter<E extends Enum<E> & ApiValue> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected ApiValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E constant) {
        return constant == null ? null : constant.value();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : ApiValue.parse(type, value);
    }
}
