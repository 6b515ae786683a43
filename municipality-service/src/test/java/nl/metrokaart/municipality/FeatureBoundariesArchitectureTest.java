package nl.metrokaart.municipality;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import nl.metrokaart.platform.testing.FeatureBoundaries;

/** municipality-service keeps the package rules of every service (see {@link FeatureBoundaries}). */
@AnalyzeClasses(packages = "nl.metrokaart.municipality", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesArchitectureTest {

    @ArchTest
    static final ArchTests FEATURE_BOUNDARIES = ArchTests.in(FeatureBoundaries.class);
}
