package nl.metrokaart.municipality.variant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.municipality.HeldPerProject;

/** A municipality's choice for a project: the uniform way of working or an own variant; one per project. */
@Entity
@Table(name = "variant_choice")
public class VariantChoice extends PanacheEntityBase implements HeldPerProject {

    @Id
    public UUID id;

    @Column(name = "municipality_code", nullable = false)
    public String municipalityCode;

    /** A project of the read model ({@code ProgrammeProject}). */
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Convert(converter = Approach.Converter.class)
    @Column(nullable = false)
    public Approach approach;

    /** The variant's name; set exactly when the approach is variant. */
    @Column(name = "variant_name")
    public String variantName;

    public String justification;

    /** The project's decision in force when the choice was made or last changed; null when there was none. */
    @Column(name = "decision_id")
    public UUID decisionId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** CBS codes of the municipalities that keep an own variant for the project, sorted. */
    public static List<String> municipalitiesWithVariant(UUID projectId) {
        return getEntityManager().createQuery("select v.municipalityCode from VariantChoice v "
                        + "where v.projectId = :projectId and v.approach = :variant order by v.municipalityCode", String.class)
                .setParameter("projectId", projectId)
                .setParameter("variant", Approach.VARIANT)
                .getResultList();
    }

    /** The municipality's choice for the project, or null. */
    public static VariantChoice of(String municipalityCode, UUID projectId) {
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
