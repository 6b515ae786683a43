package nl.metrokaart.newsletter.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipality as known from municipality-service's events: enough to name it and its secretary. */
@Entity
@Table(name = "known_municipality")
public class KnownMunicipality extends PanacheEntityBase {

    /** The CBS code, e.g. GM0610. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "municipal_secretary", nullable = false)
    public String municipalSecretary;

    /** municipality-service's version: older events do not overwrite newer knowledge. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;
}
