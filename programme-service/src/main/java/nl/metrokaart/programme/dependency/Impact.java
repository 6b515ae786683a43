package nl.metrokaart.programme.dependency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a slip of one project would do to the planning over must-finish-before links: the projects that move (the
 * slipping one first, then in planning order) and their unachieved milestones (by new due date). Changes nothing.
 */
public record Impact(UUID projectId, int slipDays, List<MovedProject> projects, List<MovedMilestone> milestones) {

    /** A project that moves, and how: for the slipping project only its end moves. */
    public record MovedProject(UUID projectId, String code, SlipPropagation.Shift shift) {
    }

    /** An unachieved milestone that moves with its project. */
    public record MovedMilestone(UUID milestoneId, UUID projectId, String title, LocalDate dueDate, long shiftDays) {

        public LocalDate newDueDate() {
            return dueDate.plusDays(shiftDays);
        }
    }
}
