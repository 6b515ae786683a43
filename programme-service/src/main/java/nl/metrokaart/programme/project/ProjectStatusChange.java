package nl.metrokaart.programme.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One transition in a project's status history, with who made it and why. */
@Entity
@Table(name = "project_status_change")
public class ProjectStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Convert(converter = ProjectStatus.Converter.class)
    @Column(name = "from_status")
    public ProjectStatus fromStatus;

    @Convert(converter = ProjectStatus.Converter.class)
    @Column(name = "to_status", nullable = false)
    public ProjectStatus toStatus;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
