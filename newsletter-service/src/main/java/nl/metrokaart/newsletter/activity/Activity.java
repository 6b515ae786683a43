package nl.metrokaart.newsletter.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One thing that happened in the programme, recorded from a consumed CloudEvent: the material newsletters,
 * alerts and webhooks are made of. {@code position} orders the feed (order of receipt).
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;

    /** The CloudEvent's id and source: one activity per event, however often it is delivered. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    /** The full CloudEvents type, e.g. {@code nl.metrokaart.programme.milestone-missed}. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The short type: the last part of the CloudEvents type, e.g. {@code milestone-missed}. */
    @Column(nullable = false)
    public String type;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "project_code")
    public String projectCode;

    /** The municipality the event names, if it names one. */
    @Column(name = "municipality_code")
    public String municipalityCode;

    /**
     * Every municipality the activity concerns, for filtering: the one it names, and for a cost allocation each
     * municipality paying a share of it.
     */
    @ElementCollection
    @CollectionTable(name = "activity_municipality", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "municipality_code")
    public Set<String> concernedMunicipalities = new HashSet<>();

    /** True for events about a key milestone (the ones municipal secretaries track). */
    @Column(name = "key_milestone", nullable = false)
    public boolean keyMilestone;

    /** One readable sentence for feeds and newsletters. */
    @Column(nullable = false)
    public String summary;

    /** When it happened: the event's {@code time}, or when it was received if the event has none. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The event's data as published, for consumers that need more than the summary (e.g. webhooks). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String data;
}
