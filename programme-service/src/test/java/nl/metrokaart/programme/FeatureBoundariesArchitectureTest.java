package nl.metrokaart.programme;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import nl.metrokaart.platform.testing.FeatureBoundaries;

/** programme-service keeps the package rules of every service (see {@link FeatureBoundaries}). */
@AnalyzeClasses(packages = "nl.metrokaart.programme", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesArchitectureTest {

    @ArchTest
    static final ArchTests FEATURE_BOUNDARIES = ArchTests.in(FeatureBoundaries.class);
}
