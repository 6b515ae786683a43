package nl.metrokaart.programme.dependency;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class DependencyTypeConverter implements AttributeConverter<DependencyType, String> {

    @Override
    public String convertToDatabaseColumn(DependencyType type) {
        return type == null ? null : type.value();
    }

    @Override
    public DependencyType convertToEntityAttribute(String value) {
        return value == null ? null : DependencyType.of(value);
    }
}
