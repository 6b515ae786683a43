package nl.metrokaart.newsletter.newsletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A numbered newsletter about a period: a draft the programme manager edits, then published and immutable. */
@Entity
@Table(name = "newsletter")
public class Newsletter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    public String introduction;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /** {@code draft} or {@code published} (see {@link NewsletterStatus}). */
    @Column(nullable = false)
    public String status;

    /** Sections are only ever read and written whole with their newsletter, so they live in the row. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Section> sections = new ArrayList<>();

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One section: a stable key, a heading and its items (one readable sentence each). */
    public record Section(String key, String heading, List<String> items) {
    }
}
