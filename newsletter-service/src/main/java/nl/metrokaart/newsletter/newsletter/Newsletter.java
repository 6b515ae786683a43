package nl.metrokaart.newsletter.newsletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
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
    @Convert(converter = NewsletterStatus.Converter.class)
    @Column(nullable = false)
    public NewsletterStatus status;

    /** Sections are only ever read and written whole with their newsletter, so they live in the row. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Section> sections = new ArrayList<>();

    /** The language of the whole issue, {@code nl} or {@code en}; it goes to the subscribers of that language. */
    @Convert(converter = Language.Converter.class)
    @Column(nullable = false)
    public Language language = Language.DEFAULT;

    /** Where we stand and progress per municipality, as composed (null for issues composed before it existed). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Overview overview;

    /** The programme whose metro map it shows. */
    @Column(name = "programme_id")
    public UUID programmeId;

    /** The metro map as programme-service drew it when the issue was composed; null when it was not available. */
    @Column(name = "metro_map_svg")
    public String metroMapSvg;

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
