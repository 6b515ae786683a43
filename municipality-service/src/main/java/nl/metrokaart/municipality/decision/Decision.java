package nl.metrokaart.municipality.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A programme decision on a project: uniform way of working or variants allowed, by whom and when. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    /** Latest decided first, then latest recorded: the first row of a project is its decision in force. */
    static final String IN_FORCE_ORDER = "decidedOn desc, createdAt desc, id desc";

    @Id
    public UUID id;

    /** A project of the read model ({@code ProgrammeProject}). */
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String question;

    /** The options that were on the table, in the order presented. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> options = new ArrayList<>();

    @Convert(converter = DecisionOutcome.Converter.class)
    @Column(nullable = false)
    public DecisionOutcome outcome;

    @Convert(converter = DecidingBody.Converter.class)
    @Column(name = "deciding_body", nullable = false)
    public DecidingBody decidingBody;

    /** The municipality whose executive or council decided; null for the joint bodies. */
    @Column(name = "deciding_municipality_code")
    public String decidingMunicipalityCode;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(nullable = false)
    public String rationale;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The project's decision in force: its latest by decision date, then by recording; null when none. */
    public static Decision inForce(UUID projectId) {
        return find("projectId = ?1 order by " + IN_FORCE_ORDER, projectId).firstResult();
    }

    /**
     * The decision in force of every project (of one programme, or all when {@code programmeId} is null), in one
     * query: the first row per project in {@link #IN_FORCE_ORDER} (index {@code decision_in_force}).
     */
    @SuppressWarnings("unchecked")
    public static Map<UUID, Decision> inForceByProject(UUID programmeId) {
        Query query = getEntityManager().createNativeQuery("SELECT DISTINCT ON (d.project_id) d.* FROM decision d"
                + (programmeId == null ? ""
                        : " WHERE d.project_id IN (SELECT pp.id FROM programme_project pp WHERE pp.programme_id = :programmeId)")
                + " ORDER BY d.project_id, d.decided_on DESC, d.created_at DESC, d.id DESC", Decision.class);
        if (programmeId != null) {
            query.setParameter("programmeId", programmeId);
        }
        Map<UUID, Decision> inForce = new HashMap<>();
        ((List<Decision>) query.getResultList()).forEach(decision -> inForce.put(decision.projectId, decision));
        return inForce;
    }
}
