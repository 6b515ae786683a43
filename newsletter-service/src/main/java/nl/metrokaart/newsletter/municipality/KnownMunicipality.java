package nl.metrokaart.newsletter.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.metrokaart.platform.readmodel.SourceCopy;

/** A municipality as known from municipality-service's events: enough to name it and its secretary. */
@Entity
@Table(name = "known_municipality")
public class KnownMunicipality extends SourceCopy {

    /** The CBS code, e.g. GM0610. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "municipal_secretary", nullable = false)
    public String municipalSecretary;
}
