package nl.metrokaart.platform.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a read model: this service's copy of a resource another service owns, kept from that service's events
 * (never read from its database). The copy remembers the source's version of what it shows, so that an event
 * delivered twice or out of order changes nothing ({@link ReadModels#applyIfNewer}).
 */
@MappedSuperclass
public abstract class SourceCopy extends PanacheEntityBase {

    /** The source's version of the resource as copied: an event with this or a lower version is older. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;
}
