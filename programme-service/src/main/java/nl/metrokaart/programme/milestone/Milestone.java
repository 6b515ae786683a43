package nl.metrokaart.programme.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone of a project; key milestones are the ones the municipal secretaries track. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

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

    /** Set once by the overdue check when a key milestone passed its due date unachieved. */
    @Column(name = "missed_at")
    public Instant missedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isAchieved() {
        return achievedDate != null;
    }
}
