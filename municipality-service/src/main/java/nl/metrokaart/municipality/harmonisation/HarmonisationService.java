package nl.metrokaart.municipality.harmonisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.metrokaart.municipality.decision.Decision;
import nl.metrokaart.municipality.harmonisation.HarmonisationResponse.ProjectHarmonisation;
import nl.metrokaart.municipality.participation.ParticipationService;
import nl.metrokaart.municipality.project.ProgrammeProject;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.municipality.variant.Approach;
import nl.metrokaart.municipality.variant.VariantChoice;
import nl.metrokaart.municipality.variant.VariantChoiceService;

/** Computes the harmonisation overview from participations, variant choices and decisions; stores nothing. */
@ApplicationScoped
public class HarmonisationService {

    @Inject
    ProjectReadModel readModel;

    @Inject
    ParticipationService participations;

    @Inject
    VariantChoiceService variantChoices;

    /** All projects of the read model, or those of one programme, by code. */
    @Transactional
    public HarmonisationResponse overview(UUID programmeId) {
        List<ProgrammeProject> projects = readModel.byCode(programmeId);
        // A fixed number of queries, each restricted to the programme asked for, whatever the number of projects.
        Map<UUID, Set<String>> participants = participations.participantsByProject(programmeId);
        Map<UUID, List<VariantChoice>> choices = variantChoices.choicesByProject(programmeId);
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

    static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
