package nl.metrokaart.programme;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/** A JAX-RS endpoint someone forgot to annotate is denied (quarkus.security.jaxrs.deny-unannotated-endpoints). */
@QuarkusTest
class UnannotatedEndpointTest {

    /** Exists in the test application only; it has no @RolesAllowed or @PermitAll. */
    @Path("/api/v1/unannotated-probe")
    public static class UnannotatedProbe {
        @GET
        @Operation(hidden = true)
        public String get() {
            return "open";
        }
    }

    @Test
    void anEndpointWithoutASecurityAnnotationIsDeniedEvenToAnAdmin() {
        given().when().get("/api/v1/unannotated-probe").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("root", Roles.ADMIN)).when().get("/api/v1/unannotated-probe")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
