package nl.metrokaart.programme.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A project of the programme: a station on its metro line, with a priority, a status and a budget. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    /** Short code, unique within the programme, e.g. WION, DURP, WABO. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Code of the programme's metro line (theme) this project is on. */
    @Column(nullable = false)
    public String line;

    /** 1 is the highest priority; ranks within a programme are unique and without gaps. */
    @Column(name = "priority_rank", nullable = false)
    public int priorityRank;

    @Convert(converter = ProjectStatus.Converter.class)
    @Column(nullable = false)
    public ProjectStatus status;

    @Column(name = "planned_start_date", nullable = false)
    public LocalDate plannedStartDate;

    @Column(name = "planned_end_date", nullable = false)
    public LocalDate plannedEndDate;

    @Column(name = "statutory_deadline")
    public LocalDate statutoryDeadline;

    /** Euros, exact to the cent. */
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal budget;

    @Column(nullable = false)
    public String owner;

    /** Position in the changes feed: taken from a sequence on every change. */
    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
