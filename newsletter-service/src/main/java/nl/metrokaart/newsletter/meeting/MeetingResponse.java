package nl.metrokaart.newsletter.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Meeting", description = "A programme meeting (bijeenkomst).")
public record MeetingResponse(
        UUID id,
        String title,
        @Schema(description = "Start, in UTC.") Instant startsAt,
        @Schema(description = "End, in UTC.") Instant endsAt,
        String location,
        MeetingAudience audience,
        @Schema(description = "The agenda, in order.") List<MeetingRequest.AgendaItemDto> agendaItems,
        MeetingStatus status,
        @Schema(description = "When it was cancelled; absent while it is on.") Instant cancelledAt,
        @Schema(description = "Why it was cancelled; absent while it is on.") String cancellationReason,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static MeetingResponse of(Meeting m) {
        return new MeetingResponse(m.id, m.title, m.startsAt, m.endsAt, m.location, m.audience,
                m.agendaItems.stream().map(i -> new MeetingRequest.AgendaItemDto(i.title(), i.projectCode())).toList(),
                m.status(), m.cancelledAt, m.cancellationReason,
                m.version, m.createdAt, m.updatedAt);
    }
}
