package nl.metrokaart.platform.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The stored outcome of a POST sent with an Idempotency-Key, replayed when the same client sends it again. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    /** Who sent it: keys are unique per client, not globally. */
    @Id
    @Column(name = "scope")
    public String scope;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    public String location;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String scope, String idempotencyKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
