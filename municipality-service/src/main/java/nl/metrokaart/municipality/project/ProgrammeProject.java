package nl.metrokaart.municipality.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import nl.metrokaart.platform.readmodel.SourceCopy;

/**
 * This service's copy of a programme project, kept from programme-service's events (never read from its
 * database): enough to validate project references, and the budget the cost allocations divide.
 */
@Entity
@Table(name = "programme_project")
public class ProgrammeProject extends SourceCopy {

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

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
