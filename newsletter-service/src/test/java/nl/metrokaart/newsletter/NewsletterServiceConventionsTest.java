package nl.metrokaart.newsletter;

import io.quarkus.test.junit.QuarkusTest;
import nl.metrokaart.platform.testing.ServiceConventionsTest;
import nl.metrokaart.platform.security.Roles;

@QuarkusTest
class NewsletterServiceConventionsTest extends ServiceConventionsTest {

    @Override
    protected String protectedCollection() {
        return "/api/v1/meetings";
    }

    @Override
    protected String readOnlyRole() {
        return Roles.SECRETARY;
    }
}
