package nl.metrokaart.municipality.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.platform.readmodel.SourceCopy;

/** This service's copy of a project milestone, kept from programme-service's milestone events. */
@Entity
@Table(name = "programme_milestone")
public class ProgrammeMilestone extends SourceCopy {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "achieved_date")
    public LocalDate achievedDate;

    @Column(name = "key_milestone", nullable = false)
    public boolean key;

    /** programme-service's milestone status, e.g. {@code achieved} or {@code missed}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
