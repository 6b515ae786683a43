package nl.metrokaart.municipality.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.metrokaart.infra.testing.PublishedEventSchemas;
import nl.metrokaart.platform.outbox.OutboxEvent;

/**
 * In every test of this service, each event it publishes is validated, as it is recorded, against the JSON Schema
 * of its type in the AsyncAPI document; one that does not fit fails the write and so the test that made it.
 * (Types under nl.metrokaart.test. are the tests' own probes of the outbox.)
 */
@ApplicationScoped
public class PublishedEventsMatchTheirSchemas {

    static final PublishedEventSchemas SCHEMAS = PublishedEventSchemas.fromClasspath("META-INF/resources/api/v1/asyncapi.yaml");

    void check(@Observes OutboxEvent event) {
        if (!event.type.startsWith("nl.metrokaart.test.")) {
            SCHEMAS.requireValid(event.type, event.data);
        }
    }
}
