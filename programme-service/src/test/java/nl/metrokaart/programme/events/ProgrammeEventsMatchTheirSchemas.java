package nl.metrokaart.programme.events;

import jakarta.enterprise.context.ApplicationScoped;
import nl.metrokaart.platform.testing.PublishedEventsMatchTheirSchemas;

/**
 * Every event this service publishes in its tests is checked against its AsyncAPI document, except the types under
 * {@code nl.metrokaart.test.}: the outbox tests' own probes, not events of the service.
 */
@ApplicationScoped
public class ProgrammeEventsMatchTheirSchemas extends PublishedEventsMatchTheirSchemas {

    @Override
    protected boolean isChecked(String type) {
        return !type.startsWith("nl.metrokaart.test.");
    }
}
