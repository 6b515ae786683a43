package nl.metrokaart.municipality;

import nl.metrokaart.platform.testing.PlatformConcernsRules;

/** Nothing in municipality-service re-implements what the platform holds (rules and their fixtures in the test kit). */
class PlatformConcernsArchitectureTest extends PlatformConcernsRules {

    @Override
    protected String servicePackage() {
        return "nl.metrokaart.municipality";
    }
}
