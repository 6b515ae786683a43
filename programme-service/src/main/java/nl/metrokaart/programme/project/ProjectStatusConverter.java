package nl.metrokaart.programme.project;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its public value, so the database reads like the API. */
@Converter
public class ProjectStatusConverter implements AttributeConverter<ProjectStatus, String> {

    @Override
    public String convertToDatabaseColumn(ProjectStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public ProjectStatus convertToEntityAttribute(String value) {
        return value == null ? null : ProjectStatus.of(value);
    }
}
