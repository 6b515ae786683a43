package nl.metrokaart.e2e;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.metrokaart.infra.KeycloakServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole suite once for all end-to-end test classes (on free ports, Kafka inside the test JVM, the mails
 * under {@code target/stack/mail}) with the Krimpenerwaard demo loaded as the run command loads it, and stops it
 * when the test run ends. Tests add their own data beside the demo and never rely on being alone.
 */
public final class RunningStack implements BeforeAllCallback {

    /** Where the stack's SMTP server writes every mail it receives as an {@code .eml} file. */
    static final Path MAIL_DIRECTORY = Stack.repositoryRoot().resolve("deploy/e2e/target/stack/mail");

    private static Stack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack == null) {
            Path root = Stack.repositoryRoot();
            // Every port free, Kafka inside this JVM.
            stack = Stack.start(Stack.Settings.builder(root)
                    .runDirectory(root.resolve("deploy/e2e/target/stack"))
                    .mailDirectory(MAIL_DIRECTORY)
                    .build());
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(RunningStack.class, (ExtensionContext.Store.CloseableResource) () -> stack.close());
            DemoData.load(stack, root.resolve("deploy/demo"));
        }
    }

    public static Stack stack() {
        return stack;
    }

    /** The gateway's base URL: every end-to-end request goes through it. */
    static String gateway() {
        return stack.gateway().baseUrl();
    }

    static KeycloakServer keycloak() {
        return stack.keycloak();
    }

    /** A real access token of a demo user of the realm (password {@code demo}), through the Swagger UI client. */
    static String user(String username) {
        return keycloak().passwordGrant("swagger-ui", null, username, "demo");
    }

    /** The integrator client's token (client credentials). */
    static String integrator() {
        return keycloak().clientCredentials("integrator-client", "integrator-secret");
    }

    /** A new programme of the test's own, beside the demo, with one metro line; returns its id. */
    static String programme(String name, String ambition, String lineCode, String lineName, String lineColour) {
        return given().baseUri(gateway()).auth().oauth2(user("programme-manager")).contentType("application/json")
                .body(Map.of("name", name, "ambition", ambition, "goals", List.of(),
                        "startDate", "2009-01-01", "endDate", "2011-12-31", "programmeManager", "Petra de Vries",
                        "steeringCommittee", List.of(),
                        "lines", List.of(Map.of("code", lineCode, "name", lineName, "colour", lineColour))))
                .when().post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
    }
}
