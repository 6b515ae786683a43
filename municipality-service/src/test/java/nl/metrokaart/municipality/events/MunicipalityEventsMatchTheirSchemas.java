package nl.metrokaart.municipality.events;

import jakarta.enterprise.context.ApplicationScoped;
import nl.metrokaart.platform.testing.PublishedEventsMatchTheirSchemas;

/** Every event this service publishes in its tests is checked against its AsyncAPI document. */
@ApplicationScoped
public class MunicipalityEventsMatchTheirSchemas extends PublishedEventsMatchTheirSchemas {
}
