package nl.metrokaart.newsletter.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.platform.readmodel.SourceCopy;

/** A project milestone as known from programme-service's events: for upcoming-milestone sections and alerts. */
@Entity
@Table(name = "known_milestone")
public class KnownMilestone extends SourceCopy {

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

    /** programme-service's milestone status, {@code open}, {@code achieved} or {@code missed}. */
    @Column(nullable = false)
    public String status;
}
