package nl.metrokaart.municipality.cost;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A project's budget split over its participants as last computed. Stored rather than computed on each read, so
 * that it has a version, an ETag and a change event, and so that it shows what was decided with the inhabitant
 * counts of that moment.
 */
@Entity
@Table(name = "cost_allocation")
public class CostAllocation extends PanacheEntityBase {

    /** The shares of a whole page of allocations (at most 100, and the one more that tells a next page exists) load at once. */
    static final int PAGE_BATCH = 101;

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "budget_cents", nullable = false)
    public long budgetCents;

    @Convert(converter = AllocationMethod.Converter.class)
    @Column(nullable = false)
    public AllocationMethod method;

    @Column(name = "inhabitants_weight_percent")
    public Integer inhabitantsWeightPercent;

    /** The participants' shares, by municipality code; they add up to budgetCents unless there are none. */
    @ElementCollection
    @BatchSize(size = CostAllocation.PAGE_BATCH)
    @CollectionTable(name = "cost_allocation_share", joinColumns = @JoinColumn(name = "project_id"))
    @OrderBy("municipalityCode")
    public List<Share> shares = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    /** What one participating municipality pays, with the inhabitants the split was computed with. */
    @Embeddable
    public record Share(
            @Column(name = "municipality_code", nullable = false) String municipalityCode,
            @Column(nullable = false) int inhabitants,
            @Column(name = "amount_cents", nullable = false) long amountCents) {
    }
}
