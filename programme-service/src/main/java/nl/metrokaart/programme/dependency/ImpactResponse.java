package nl.metrokaart.programme.dependency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Impact", description = "What a slip of one project does to the planning over must-finish-before links. "
        + "Lists only what moves.")
public record ImpactResponse(
        @Schema(description = "The project that slips.") UUID projectId,
        @Schema(description = "How many days the project's end slips.") int slipDays,
        @Schema(description = "The projects that move: the slipping project first (its end moves, its start stays), "
                + "then its successors in planning order.")
        List<ImpactedProject> projects,
        @Schema(description = "The unachieved milestones of the moving projects, by new due date.")
        List<ImpactedMilestone> milestones) {

    static ImpactResponse of(Impact impact) {
        return new ImpactResponse(impact.projectId(), impact.slipDays(),
                impact.projects().stream().map(p -> new ImpactedProject(p.projectId(), p.code(), p.shift().days(),
                        p.shift().newStart(), p.shift().newEnd())).toList(),
                impact.milestones().stream().map(m -> new ImpactedMilestone(m.milestoneId(), m.projectId(), m.title(),
                        m.dueDate(), m.newDueDate())).toList());
    }

    @Schema(name = "ImpactedProject", description = "A project that moves.")
    public record ImpactedProject(
            UUID projectId,
            String code,
            @Schema(description = "Days the project moves (for the slipping project: days its end moves).")
            long shiftDays,
            @Schema(format = "date") LocalDate newStartDate,
            @Schema(format = "date") LocalDate newEndDate) {
    }

    @Schema(name = "ImpactedMilestone", description = "An unachieved milestone that moves with its project.")
    public record ImpactedMilestone(
            UUID milestoneId,
            UUID projectId,
            String title,
            @Schema(format = "date") LocalDate dueDate,
            @Schema(format = "date") LocalDate newDueDate) {
    }
}
