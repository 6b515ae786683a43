package nl.metrokaart.programme;

import io.quarkus.test.junit.QuarkusTest;
import nl.metrokaart.infra.testing.ServiceConventionsTest;
import nl.metrokaart.platform.security.Roles;

@QuarkusTest
class ProgrammeServiceConventionsTest extends ServiceConventionsTest {

    @Override
    protected String protectedCollection() {
        return "/api/v1/programmes";
    }

    @Override
    protected String readOnlyRole() {
        return Roles.SECRETARY;
    }
}
