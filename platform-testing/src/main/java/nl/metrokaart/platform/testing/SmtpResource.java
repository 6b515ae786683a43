package nl.metrokaart.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import nl.metrokaart.infra.SmtpServer;

/**
 * Quarkus test resource that gives a service under test a real SMTP server in this JVM and points quarkus-mailer
 * at it (no TLS, no authentication, no mock). Tests read what was sent through {@link #server()}.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmtpServer server;

    @Override
    public Map<String, String> start() {
        server = SmtpServer.start(0, null);
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    /** The running server, to read back the mails a test caused. */
    public static SmtpServer server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
