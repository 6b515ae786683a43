package nl.metrokaart.newsletter.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event to deliver to one subscription. Its id is the Standard Webhooks message id ({@code webhook-id}), the
 * same on every attempt, so a receiver can drop what it already has.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The structured CloudEvent JSON sent on every attempt. */
    @Column(nullable = false)
    public String payload;

    @Convert(converter = WebhookDeliveryStatus.Converter.class)
    @Column(nullable = false)
    public WebhookDeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_response_status")
    public Integer lastResponseStatus;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attempt_log", nullable = false)
    public List<Attempt> attemptLog = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The claim of the worker now sending it; only that worker may record the outcome (fencing). */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** One try: when, what came back (status, or null when nothing did) and how long it took. */
    public record Attempt(int number, Instant attemptedAt, Integer responseStatus, String outcome, long durationMillis) {
    }
}
