package nl.metrokaart.programme.programme;

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

/** The joint programme the municipalities run: one shared ambition, goals, a period and its governance. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String ambition;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> goals = new ArrayList<>();

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "programme_manager", nullable = false)
    public String programmeManager;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steering_committee", nullable = false)
    public List<CommitteeMember> steeringCommittee = new ArrayList<>();

    /** The metro lines (themes) projects are drawn on, in the order of the map legend. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MetroLine> lines = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A theme of the programme, drawn as one coloured metro line. */
    public record MetroLine(String code, String name, String colour) {
    }

    public java.util.Optional<MetroLine> line(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** A member of the steering committee (stuurgroep) and what they answer for. */
    public record CommitteeMember(String name, String municipality, String responsibility) {
    }
}
