package nl.metrokaart.programme.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Planning", description = "The key milestones of a programme, split by where they stand today. "
        + "Each group is ordered by due date.")
public record Planning(
        UUID programmeId,
        @Schema(description = "Name of the programme.") String name,
        @Schema(format = "date", description = "The day the split was made on (Europe/Amsterdam).") LocalDate today,
        @Schema(description = "How many days ahead upcoming reaches.") int horizonDays,
        @Schema(description = "Not achieved, due from today up to and including today + horizonDays.")
        List<PlannedMilestone> upcoming,
        @Schema(description = "Not achieved and due before today.") List<PlannedMilestone> overdue,
        @Schema(description = "Achieved key milestones.") List<PlannedMilestone> achieved) {
}
