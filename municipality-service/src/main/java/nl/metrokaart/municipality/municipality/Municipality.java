package nl.metrokaart.municipality.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A municipality taking part in the programme, identified by its CBS municipality code. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    /**
     * Fired synchronously, inside the transaction, when a municipality's number of inhabitants changes, so that
     * what is shared by inhabitants (cost allocations) is recomputed with the change.
     */
    public record InhabitantsChanged(String municipalityCode) {
    }

    /** The CBS code (GM followed by four digits) is stable and known to every other party, so it is the key. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int inhabitants;

    @Column(name = "municipal_secretary", nullable = false)
    public String municipalSecretary;

    @Column(name = "realisation_plan_reference")
    public String realisationPlanReference;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
