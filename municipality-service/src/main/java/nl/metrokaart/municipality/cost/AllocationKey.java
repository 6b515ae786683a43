package nl.metrokaart.municipality.cost;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The key the programme chose to share a project's costs by; at most one per project of the read model. */
@Entity
@Table(name = "allocation_key")
public class AllocationKey extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Convert(converter = AllocationMethod.Converter.class)
    @Column(nullable = false)
    public AllocationMethod method;

    /** Set for {@link AllocationMethod#WEIGHTED} only: the part of the budget shared by inhabitants, 0 to 100. */
    @Column(name = "inhabitants_weight_percent")
    public Integer inhabitantsWeightPercent;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
