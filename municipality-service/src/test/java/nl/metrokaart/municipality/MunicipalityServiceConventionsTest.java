package nl.metrokaart.municipality;

import io.quarkus.test.junit.QuarkusTest;
import nl.metrokaart.platform.testing.ServiceConventionsTest;
import nl.metrokaart.platform.security.Roles;

@QuarkusTest
class MunicipalityServiceConventionsTest extends ServiceConventionsTest {

    @Override
    protected String protectedCollection() {
        return "/api/v1/municipalities";
    }

    @Override
    protected String readOnlyRole() {
        return Roles.SECRETARY;
    }
}
