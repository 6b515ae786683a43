package nl.metrokaart.programme.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ProjectStatusTest {

    @Test
    void theHappyPathIsAllowed() {
        assertTrue(ProjectStatus.PROPOSED.canBecome(ProjectStatus.PLANNED));
        assertTrue(ProjectStatus.PLANNED.canBecome(ProjectStatus.IN_PROGRESS));
        assertTrue(ProjectStatus.IN_PROGRESS.canBecome(ProjectStatus.AT_RISK));
        assertTrue(ProjectStatus.AT_RISK.canBecome(ProjectStatus.IN_PROGRESS));
        assertTrue(ProjectStatus.AT_RISK.canBecome(ProjectStatus.REALISED));
        assertTrue(ProjectStatus.IN_PROGRESS.canBecome(ProjectStatus.REALISED));
    }

    @Test
    void shortcutsAndReversalsAreRefused() {
        assertFalse(ProjectStatus.PROPOSED.canBecome(ProjectStatus.IN_PROGRESS));
        assertFalse(ProjectStatus.PLANNED.canBecome(ProjectStatus.REALISED));
        assertFalse(ProjectStatus.IN_PROGRESS.canBecome(ProjectStatus.PROPOSED));
        assertFalse(ProjectStatus.ON_HOLD.canBecome(ProjectStatus.REALISED));
        assertFalse(ProjectStatus.PLANNED.canBecome(ProjectStatus.PLANNED));
    }

    @Test
    void realisedAndCancelledAreFinal() {
        assertTrue(ProjectStatus.REALISED.allowedNext().isEmpty());
        assertTrue(ProjectStatus.CANCELLED.allowedNext().isEmpty());
    }

    @Test
    void everyOpenStatusCanBeCancelledOrPutOnHoldExceptProposed() {
        for (ProjectStatus status : EnumSet.of(ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, ProjectStatus.AT_RISK)) {
            assertTrue(status.canBecome(ProjectStatus.CANCELLED), status + " can be cancelled");
            assertTrue(status.canBecome(ProjectStatus.ON_HOLD), status + " can be put on hold");
        }
        assertTrue(ProjectStatus.PROPOSED.canBecome(ProjectStatus.CANCELLED));
        assertFalse(ProjectStatus.PROPOSED.canBecome(ProjectStatus.ON_HOLD));
    }

    @Test
    void publicValuesRoundTrip() {
        for (ProjectStatus status : ProjectStatus.values()) {
            assertEquals(status, ProjectStatus.of(status.value()));
        }
        assertEquals("in-progress", ProjectStatus.IN_PROGRESS.value());
        assertThrows(IllegalArgumentException.class, () -> ProjectStatus.of("IN_PROGRESS"));
    }
}
