package nl.metrokaart.newsletter.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code meeting-scheduled}, {@code meeting-changed} and {@code meeting-cancelled}: the event contract
 * (schema {@code Meeting} in asyncapi.yaml), kept apart from the REST representation.
 */
public record MeetingEventData(UUID id, String title, Instant startsAt, Instant endsAt, String location,
        MeetingAudience audience, List<AgendaItem> agendaItems, MeetingStatus status, Instant cancelledAt,
        String cancellationReason, long version, Instant createdAt, Instant updatedAt) {

    public record AgendaItem(String title, String projectCode) {
    }

    static MeetingEventData of(Meeting m) {
        return new MeetingEventData(m.id, m.title, m.startsAt, m.endsAt, m.location, m.audience,
                m.agendaItems.stream().map(i -> new AgendaItem(i.title(), i.projectCode())).toList(),
                m.status(), m.cancelledAt, m.cancellationReason,
                m.version, m.createdAt, m.updatedAt);
    }
}
