package nl.metrokaart.e2e;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: starts the whole suite on the usual local ports, loads the Krimpenerwaard demo
 * programme through the gateway and runs until Ctrl-C, then stops every server.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Stack.repositoryRoot();
        Stack.Settings settings = new Stack.Settings(root,
                Stack.keycloakHome(root),
                root.resolve(".run"),
                Integer.getInteger("postgres.port", 15432),
                Integer.getInteger("kafka.port", 9092),
                true,
                8180, 8081, 8082, 8083,
                Integer.getInteger("gateway.port", 8080),
                50, 100);
        System.out.println("Starting PostgreSQL, Kafka, Keycloak, the three services and the gateway (about a minute)...");
        Stack stack = Stack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Metrokaart suite...");
            stack.close();
            stopped.countDown();
        }));

        DemoData.load(stack, root.resolve("deploy/demo"));

        String gateway = stack.gateway().baseUrl().replace("127.0.0.1", "localhost");
        System.out.printf("""

                Metrokaart is running.
                  Swagger UI (all three APIs):  %s/
                  Keycloak (realm metrokaart):  %s
                  Demo logins (password 'demo'): programme-manager, secretary-schoonhoven, coordinator-schoonhoven,
                                                 coordinator-bergambacht, coordinator-nederlek, coordinator-vlist, coordinator-ouderkerk
                  Admin login:                   admin / admin
                  Integrator (client credentials): integrator-client / integrator-secret
                  PostgreSQL: localhost:%d (postgres/postgres)   Kafka: %s
                  Logs: %s
                Press Ctrl-C to stop.
                """, gateway, stack.keycloak().realmUrl(), stack.postgres().port(),
                stack.kafka().bootstrapServers(), settings.runDirectory().resolve("logs"));
        stopped.await();
    }
}
