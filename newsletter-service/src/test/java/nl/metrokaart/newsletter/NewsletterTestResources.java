package nl.metrokaart.newsletter;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import nl.metrokaart.platform.testing.PostgresKafkaResource;
import nl.metrokaart.platform.testing.SmtpResource;

/** Every test of this service runs against a real PostgreSQL database and Kafka broker, a mock OIDC server, and a real SMTP server (GreenMail). */
@QuarkusTestResource(value = PostgresKafkaResource.class, initArgs = @ResourceArg(name = "database", value = "newsletter"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SmtpResource.class)
public final class NewsletterTestResources {
    private NewsletterTestResources() {
    }
}
