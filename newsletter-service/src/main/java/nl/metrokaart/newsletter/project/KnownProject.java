package nl.metrokaart.newsletter.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import nl.metrokaart.platform.readmodel.SourceCopy;

/** What this service knows of a programme project from programme-service's events: enough to name it. */
@Entity
@Table(name = "known_project")
public class KnownProject extends SourceCopy {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String status;

    @Column(name = "programme_id")
    public UUID programmeId;
}
