package nl.metrokaart.municipality.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of a programme project, kept from programme-service's events (never read from its
 * database): enough to validate project references, and the budget the cost allocations divide.
 */
@Entity
@Table(name = "programme_project")
public class ProgrammeProject extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** programme-service's status value, e.g. {@code in-progress}. */
    @Column(nullable = false)
    public String status;

    /** Budget in euros, exact to the cent. */
    @Column(nullable = false)
    public BigDecimal budget;

    /** The project's version in programme-service: an event with a lower one is older and changes nothing. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
