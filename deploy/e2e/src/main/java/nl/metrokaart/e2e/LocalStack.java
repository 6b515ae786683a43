package nl.metrokaart.e2e;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import nl.metrokaart.infra.Ports;
import nl.metrokaart.infra.ServiceProcess;

/**
 * The README's run command: starts the whole suite on the usual local ports, loads the Krimpenerwaard demo
 * programme through the gateway and runs until Ctrl-C, then stops every server.
 */
public final class LocalStack {

    /** The SMTP port newsletter-service uses by default (its application.properties). */
    private static final int SMTP_PORT = 2525;

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Stack.repositoryRoot();
        Path run = root.resolve(".run");
        int offset = portOffset();
        Stack.Settings settings = Stack.Settings.builder(root)
                .runDirectory(run)
                .mailDirectory(run.resolve("mail"))
                .postgresPort(Integer.getInteger("postgres.port", 15432 + offset))
                .kafkaPort(Integer.getInteger("kafka.port", 9092 + offset))
                .kafkaAsProcess(true)
                .keycloakPort(8180 + offset)
                .smtpPort(smtpPort())
                .programmePort(8081 + offset)
                .municipalityPort(8082 + offset)
                .newsletterPort(8083 + offset)
                .gatewayPort(Integer.getInteger("gateway.port", 8080 + offset))
                .ratePerSecond(environmentNumber("METROKAART_GATEWAY_RATE", 50))
                .rateBurst(environmentNumber("METROKAART_GATEWAY_BURST", 100))
                .build();
        // A long run, measured by bench/: the services get the optimising compiler, not only the quick one of tests.
        System.setProperty(ServiceProcess.QUICK_START, "false");
        System.out.println("Starting PostgreSQL, Kafka, Keycloak, SMTP, the three services and the gateway (about a minute)...");
        Stack stack = Stack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Metrokaart suite...");
            stack.close();
            stopped.countDown();
        }));

        DemoData.load(stack, root.resolve("deploy/demo"));

        String gateway = stack.gateway().baseUrl().replace("127.0.0.1", "localhost");
        Path mail = settings.mailDirectory();
        System.out.printf("""

                Metrokaart is running.
                  Swagger UI (all three APIs):  %s/
                  Keycloak (realm metrokaart):  %s
                  Demo logins (password 'demo'): programme-manager, coordinator-<municipality>, secretary-<municipality>
                                                 for schoonhoven, bergambacht, nederlek, vlist and ouderkerk
                  Admin login:                   admin / admin
                  Integrator (client credentials): integrator-client / integrator-secret
                  Front offices (client credentials): front-office-<municipality> / front-office-<municipality>-secret
                  PostgreSQL: localhost:%d (postgres/postgres)   Kafka: %s
                  E-mail: newsletter-service sends to the SMTP server on localhost:%d, which delivers nothing:
                          each mail lands in %s/ as an .eml file (newest last); read one with
                          less %s/00001-*.eml  or open it in any mail client
                  Logs: %s
                Press Ctrl-C to stop.
                """, gateway, stack.keycloak().realmUrl(), stack.postgres().port(),
                stack.kafka().bootstrapServers(), stack.smtp().port(), mail, mail,
                settings.runDirectory().resolve("logs"));
        stopped.await();
    }

    /**
     * METROKAART_PORT_OFFSET (default 0) moves every fixed port by the same amount, so a second copy of the suite
     * (e.g. a benchmark beside a developer's run) can start on one machine: 1000 gives gateway 9080, services 9081-9083.
     */
    private static int portOffset() {
        return environmentNumber("METROKAART_PORT_OFFSET", 0);
    }

    /**
     * The gateway's rate limit per client (requests/s, burst): 50 and 100 by default; bench/run sets them for its
     * load through METROKAART_GATEWAY_RATE and METROKAART_GATEWAY_BURST.
     */
    private static int environmentNumber(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** 2525 (newsletter-service's default), or a free port when something else listens there; -Dsmtp.port overrides. */
    private static int smtpPort() {
        Integer configured = Integer.getInteger("smtp.port");
        if (configured != null) {
            return configured;
        }
        return Ports.isOpen(SMTP_PORT) ? Ports.free() : SMTP_PORT;
    }
}
