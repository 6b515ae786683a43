package nl.metrokaart.programme;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import nl.metrokaart.platform.testing.ServiceConventionsTest;
import nl.metrokaart.platform.security.Roles;

@QuarkusTest
class ProgrammeServiceConventionsTest extends ServiceConventionsTest {

    private static UUID programmeId;
    private static UUID projectId;

    @Override
    protected String protectedCollection() {
        return "/api/v1/programmes";
    }

    @Override
    protected String readOnlyRole() {
        return Roles.SECRETARY;
    }

    /** A programme and a project that exist, so bad bodies of their sub-resources reach the service's own rules. */
    @Override
    protected String pathValue(String name) {
        if (programmeId == null) {
            programmeId = Fixtures.programme();
            projectId = Fixtures.project(programmeId, "BAD-INPUT");
        }
        return switch (name) {
            case "programmeId" -> programmeId.toString();
            case "projectId" -> projectId.toString();
            default -> null;
        };
    }
}
