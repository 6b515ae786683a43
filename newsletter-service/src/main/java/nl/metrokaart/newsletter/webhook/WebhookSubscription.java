package nl.metrokaart.newsletter.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An integrator's callback URL for the event types it wants, with the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Order of registration, for paging. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;

    /** The client id of the token that registered it ({@code azp}, else {@code client_id}). */
    @Column(nullable = false)
    public String owner;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    /** Full CloudEvents types, e.g. {@code nl.metrokaart.programme.milestone-missed}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = new ArrayList<>();

    public String description;

    /** {@code whsec_} and the base64 of the key (Standard Webhooks). */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    /** Deliveries failed in a row (all attempts used); a delivered one resets it. */
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
