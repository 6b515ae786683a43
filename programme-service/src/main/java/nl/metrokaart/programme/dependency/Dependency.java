package nl.metrokaart.programme.dependency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A typed link: {@code projectId} depends on {@code predecessorId}. */
@Entity
@Table(name = "dependency")
public class Dependency extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(name = "predecessor_id", nullable = false)
    public UUID predecessorId;

    @Convert(converter = DependencyType.Converter.class)
    @Column(nullable = false)
    public DependencyType type;

    /** Days that must pass between the predecessor's end and this project's start. */
    @Column(name = "lag_days", nullable = false)
    public int lagDays;

    public String explanation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
