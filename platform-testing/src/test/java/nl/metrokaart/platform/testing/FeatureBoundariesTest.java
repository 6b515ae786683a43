package nl.metrokaart.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link FeatureBoundaries} reports the break it forbids, evaluated on the deliberately wrong
 * {@code nl.metrokaart.brokenservice} fixture (test classes, imported on their own).
 */
class FeatureBoundariesTest {

    private static JavaClasses broken;

    @BeforeAll
    static void importFixture() {
        broken = new ClassFileImporter().importPackages("nl.metrokaart.brokenservice");
    }

    @Test
    void aServiceUsingAnotherServicesPackageIsReported() {
        assertViolations(FeatureBoundaries.SERVICES_DO_NOT_DEPEND_ON_EACH_OTHER,
                "ProjectService.otherService()> calls method <nl.metrokaart.otherservice.OtherServiceThing.name()>");
    }

    @Test
    void aCycleBetweenFeaturesIsReported() {
        assertViolations(FeatureBoundaries.FEATURES_ARE_FREE_OF_CYCLES,
                "Cycle detected: brokenservice feature milestone -> ");
    }

    @Test
    void queryingCreatingOrWritingAnotherFeaturesEntitiesIsReported() {
        String report = assertViolations(FeatureBoundaries.FEATURES_USE_EACH_OTHER_THROUGH_THEIR_SERVICES,
                "ProjectService.openMilestones(java.util.UUID)> calls method <nl.metrokaart.brokenservice.milestone.Milestone.list(",
                "ProjectService.milestones> has type <nl.metrokaart.brokenservice.milestone.MilestoneRepository>",
                "MilestoneService.schedule(java.util.UUID)> sets field <nl.metrokaart.brokenservice.project.Project.code>");
        // Its own entity, and reading a domain object another feature's service returned, stay allowed.
        assertFalse(report.contains("Milestone.<init>"), report);
        assertFalse(report.contains("gets field <nl.metrokaart.brokenservice.project.Project.code>"), report);
        assertFalse(report.contains("calls method <nl.metrokaart.brokenservice.project.ProjectService.get"), report);
    }

    @Test
    void aResourceHandingOutAnotherFeaturesEntityIsReported() {
        assertViolations(FeatureBoundaries.RESOURCES_DO_NOT_TOUCH_OTHER_FEATURES_ENTITIES,
                "ProjectResource.milestones(java.util.UUID)> has generic return type");
    }

    private static String assertViolations(ArchRule rule, String... expected) {
        EvaluationResult result = rule.evaluate(broken);
        assertTrue(result.hasViolation(), rule.getDescription() + " reported nothing");
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String violation : List.of(expected)) {
            assertTrue(report.contains(violation), () -> "expected <" + violation + "> in\n" + report);
        }
        return report;
    }
}
