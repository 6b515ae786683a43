package nl.metrokaart.newsletter.subscription;

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
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.platform.language.Language;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who gets the programme's news by e-mail. Enumerations are stored by their public value, so the
 * database reads like the API.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token subject ({@code sub}) of whoever created it: they, and admins, manage it. */
    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Convert(converter = SubscriberRole.Converter.class)
    @Column(nullable = false)
    public SubscriberRole role;

    @Convert(converter = Follows.Converter.class)
    @Column(nullable = false)
    public Follows follows;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "project_ids", nullable = false)
    public List<UUID> projectIds = new ArrayList<>();

    @Convert(converter = Delivery.Converter.class)
    @Column(nullable = false)
    public Delivery delivery;

    /** The language of everything sent to this subscriber: {@code nl} or {@code en}. */
    @Convert(converter = Language.Converter.class)
    @Column(nullable = false)
    public Language language = Language.DEFAULT;

    /**
     * When the address owner confirmed (at once for one's own token address); null while pending. Nothing but the
     * confirmation request is sent to a pending subscription.
     */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** Secret of this subscription's confirmation and unsubscribe links; never shown through the API. */
    @Column(name = "link_token", nullable = false)
    public String linkToken;

    /** The feed position up to which the weekly digest has covered the activities. */
    @Column(name = "last_digest_position", nullable = false)
    public long lastDigestPosition;

    @Column(name = "last_digest_at")
    public Instant lastDigestAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public SubscriptionStatus status() {
        return confirmed() ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PENDING_CONFIRMATION;
    }

    public Language language() {
        return language;
    }

    /** Whether this subscriber follows the given activity. */
    public boolean follows(Activity activity) {
        return switch (follows) {
            case EVERYTHING -> true;
            case PROJECTS -> activity.projectId != null && projectIds.contains(activity.projectId);
            case KEY_MILESTONES -> activity.keyMilestone;
        };
    }
}
