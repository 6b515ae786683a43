package nl.metrokaart.brokenservice.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** Wrong fixture: the project feature's entity. */
@Entity
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;
}
