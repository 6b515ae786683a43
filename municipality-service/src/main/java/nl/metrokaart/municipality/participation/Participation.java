package nl.metrokaart.municipality.participation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.municipality.HeldPerProject;

/** Whether a municipality takes part in a programme project; one per municipality and project. */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase implements HeldPerProject {

    @Id
    public UUID id;

    @Column(name = "municipality_code", nullable = false)
    public String municipalityCode;

    /** A project of the read model ({@code ProgrammeProject}). */
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public boolean participates;

    /** Who leads the project in the municipality. */
    @Column(name = "local_lead")
    public String localLead;

    @Convert(converter = ImplementationStatus.Converter.class)
    @Column(name = "implementation_status", nullable = false)
    public ImplementationStatus implementationStatus;

    @Column(name = "planned_go_live_date")
    public LocalDate plannedGoLiveDate;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** CBS codes of the municipalities that take part in the project, sorted. */
    public static List<String> participantsOf(UUID projectId) {
        return getEntityManager().createQuery("select p.municipalityCode from Participation p "
                        + "where p.projectId = :projectId and p.participates = true order by p.municipalityCode", String.class)
                .setParameter("projectId", projectId)
                .getResultList();
    }

    /** The municipality's participation in the project, or null. */
    public static Participation of(String municipalityCode, UUID projectId) {
        return find("municipalityCode = ?1 and projectId = ?2", municipalityCode, projectId).firstResult();
    }

    @Override
    public String municipalityCode() {
        return municipalityCode;
    }

    @Override
    public UUID projectId() {
        return projectId;
    }
}
