package nl.metrokaart.newsletter.meeting;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an audience by its public value, so the database reads like the API. */
@Converter
public class MeetingAudienceConverter implements AttributeConverter<MeetingAudience, String> {

    @Override
    public String convertToDatabaseColumn(MeetingAudience audience) {
        return audience == null ? null : audience.value();
    }

    @Override
    public MeetingAudience convertToEntityAttribute(String value) {
        return value == null ? null : MeetingAudience.of(value);
    }
}
