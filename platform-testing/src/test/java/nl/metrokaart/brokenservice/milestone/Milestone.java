package nl.metrokaart.brokenservice.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** Wrong fixture: the milestone feature's entity. */
@Entity
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;

    public boolean achieved;
}
