package nl.metrokaart.bench.ceiling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row, about the size of a project's own columns. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String status;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    public long version;
}
