package nl.metrokaart.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A CloudEvent written in the same transaction as the change it reports, waiting for the relay to put it on
 * Kafka. {@code position} is the order of writing, and so the order of publication.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The Kafka record key: the aggregate's id, so all events of one aggregate stay in order on one partition. */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    /** CloudEvents {@code time}: when the change was recorded (committed with it). */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String data;

    /** CloudEvents {@code dataref} (claim check): where the full resource is read; null when data is complete. */
    public String dataref;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** How often Kafka refused this event so far. */
    public int attempts;

    /** Kafka's last refusal, for the operator. */
    @Column(name = "last_error")
    public String lastError;

    /** Set when Kafka refused the event for good: it is no longer sent (see the README on re-driving it). */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
