package nl.metrokaart.programme.planning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A private calendar address of a programme's planning, owned by the user (token subject) who asked for it. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String owner;

    /** The owner's token subject (the Keycloak user id), to ask whether the owner is still enabled. */
    @Column(name = "owner_subject")
    public String ownerSubject;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(name = "horizon_days", nullable = false)
    public int horizonDays;

    public String description;

    /** Hex SHA-256 of the secret key in the address; the key itself is handed out once and not kept. */
    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the current key stops working (metrokaart.calendar-feeds.key-lifetime after it was made). */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the key was last replaced, if ever. */
    @Column(name = "key_rotated_at")
    public Instant keyRotatedAt;
}
