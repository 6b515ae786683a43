package nl.metrokaart.newsletter.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A programme meeting (bijeenkomst): when and where, for whom, and what is on the agenda. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String location;

    @Convert(converter = MeetingAudience.Converter.class)
    @Column(nullable = false)
    public MeetingAudience audience;

    /** The agenda is only ever read and written whole with its meeting, so it lives in the row. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agenda_items", nullable = false)
    public List<AgendaItem> agendaItems = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When it was cancelled; null while it is on. A cancelled meeting no longer changes. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public MeetingStatus status() {
        return cancelled() ? MeetingStatus.CANCELLED : MeetingStatus.SCHEDULED;
    }

    /** One point of the agenda, optionally about one project of the programme (by its code). */
    public record AgendaItem(String title, String projectCode) {
    }
}
