package nl.metrokaart.municipality.harmonisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.metrokaart.municipality.decision.Decision;
import nl.metrokaart.municipality.harmonisation.HarmonisationResponse.ProjectHarmonisation;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.municipality.variant.Approach;
import nl.metrokaart.municipality.variant.VariantChoice;

/** Computes the harmonisation overview from participations, variant choices and decisions; stores nothing. */
@ApplicationScoped
public class HarmonisationService {

    private static final String PROJECTS_OF_PROGRAMME =
            "(select pp.id from ProgrammeProject pp where pp.programmeId = :programmeId)";

    @Inject
    EntityManager entityManager;

    /** All projects of the read model, or those of one programme, by code. */
    @Transactional
    public HarmonisationResponse overview(UUID programmeId) {
        List<ProgrammeProject> projects = programmeId == null
                ? ProgrammeProject.list("order by code, id")
                : ProgrammeProject.list("programmeId = ?1 order by code, id", programmeId);
        // A fixed number of queries, each restricted to the programme asked for, whatever the number of projects.
        Map<UUID, Set<String>> participants = new HashMap<>();
        ofProgramme(entityManager.createQuery("select p.projectId, p.municipalityCode from Participation p"
                + " where p.participates = true" + (programmeId == null ? "" : " and p.projectId in " + PROJECTS_OF_PROGRAMME),
                Object[].class), programmeId).getResultList()
                .forEach(row -> participants.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((String) row[1]));
        Map<UUID, List<VariantChoice>> choices = new HashMap<>();
        ofProgramme(entityManager.createQuery("select c from VariantChoice c"
                + (programmeId == null ? "" : " where c.projectId in " + PROJECTS_OF_PROGRAMME), VariantChoice.class),
                programmeId).getResultList()
                .forEach(choice -> choices.computeIfAbsent(choice.projectId, id -> new java.util.ArrayList<>()).add(choice));
        Map<UUID, Decision> decisionsInForce = Decision.inForceByProject(programmeId);

        int uniformTotal = 0;
        int chosenTotal = 0;
        List<ProjectHarmonisation> rows = new java.util.ArrayList<>();
        for (ProgrammeProject project : projects) {
            Set<String> taking = participants.getOrDefault(project.id, Set.of());
            int uniform = 0;
            int variant = 0;
            for (VariantChoice choice : choices.getOrDefault(project.id, List.of())) {
                // A choice of a municipality that no longer participates does not count.
                if (taking.contains(choice.municipalityCode)) {
                    if (choice.approach == Approach.UNIFORM) {
                        uniform++;
                    } else {
                        variant++;
                    }
                }
            }
            Decision inForce = decisionsInForce.get(project.id);
            rows.add(new ProjectHarmonisation(project.id, project.code, project.name,
                    inForce == null ? null : inForce.id, inForce == null ? null : inForce.outcome,
                    taking.size(), uniform, variant, taking.size() - uniform - variant, share(uniform, uniform + variant)));
            uniformTotal += uniform;
            chosenTotal += uniform + variant;
        }
        return new HarmonisationResponse(rows, share(uniformTotal, chosenTotal));
    }

    private static <T> TypedQuery<T> ofProgramme(TypedQuery<T> query, UUID programmeId) {
        return programmeId == null ? query : query.setParameter("programmeId", programmeId);
    }

    static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
