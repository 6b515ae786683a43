package nl.metrokaart.programme;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import nl.metrokaart.platform.testing.PostgresKafkaResource;

/** Every test of this service runs against a real PostgreSQL database and Kafka broker, and a mock OIDC server. */
@QuarkusTestResource(value = PostgresKafkaResource.class, initArgs = @ResourceArg(name = "database", value = "programme"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class ProgrammeTestResources {
    private ProgrammeTestResources() {
    }
}
