package nl.metrokaart.newsletter;

import nl.metrokaart.platform.testing.PlatformConcernsRules;

/** Nothing in newsletter-service re-implements what the platform holds (rules and their fixtures in the test kit). */
class PlatformConcernsArchitectureTest extends PlatformConcernsRules {

    @Override
    protected String servicePackage() {
        return "nl.metrokaart.newsletter";
    }
}
