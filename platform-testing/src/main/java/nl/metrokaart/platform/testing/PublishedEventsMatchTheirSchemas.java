package nl.metrokaart.platform.testing;

import jakarta.enterprise.event.Observes;
import nl.metrokaart.platform.outbox.OutboxEvent;

/**
 * In every test of a service, each event it publishes is validated, as it is recorded, against the JSON Schema of
 * its type in the service's AsyncAPI document; one that does not fit fails the write and so the test that made it.
 * A service's tests switch it on with an {@code @ApplicationScoped} subclass of their own (CDI observer methods are
 * inherited), which may leave out types that are not the service's events.
 */
public abstract class PublishedEventsMatchTheirSchemas {

    /** Where every service serves its AsyncAPI document from. */
    public static final String ASYNCAPI_DOCUMENT = "META-INF/resources/api/v1/asyncapi.yaml";

    public static final PublishedEventSchemas SCHEMAS = PublishedEventSchemas.fromClasspath(ASYNCAPI_DOCUMENT);

    /** Public: the observer is invoked from the subclass's package. */
    public void check(@Observes OutboxEvent event) {
        if (isChecked(event.type)) {
            SCHEMAS.requireValid(event.type, event.data);
        }
    }

    /** Whether events of this type are the service's own and so checked; all are, unless a subclass says otherwise. */
    protected boolean isChecked(String type) {
        return true;
    }
}
