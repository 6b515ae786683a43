package nl.metrokaart.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.metrokaart.infra.KafkaBroker;
import nl.metrokaart.infra.KeycloakServer;
import nl.metrokaart.infra.GatewaySettings;
import nl.metrokaart.infra.NginxGateway;
import nl.metrokaart.infra.Ports;
import nl.metrokaart.infra.PostgresServer;
import nl.metrokaart.infra.ServiceProcess;
import nl.metrokaart.infra.SmtpServer;

/**
 * The whole Metrokaart suite on this machine: PostgreSQL with one database per service, a Kafka broker, Keycloak
 * with the Metrokaart realm, an SMTP server that keeps every mail newsletter-service sends (also as {@code .eml}
 * files in the mail directory), the three services and the nginx gateway in front of them. Used by the local run
 * command and by the end-to-end tests; {@link #close()} stops everything in reverse order.
 */
public final class Stack implements AutoCloseable {

    /** The three services: name, module directory, database, the property that carries the JDBC URL. */
    public enum Service {
        PROGRAMME("programme-service", "programme"),
        MUNICIPALITY("municipality-service", "municipality"),
        NEWSLETTER("newsletter-service", "newsletter");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    /**
     * Where things are and which ports to use (0: a free port); made with {@link #builder(Path)}.
     *
     * @param kafkaAsProcess a separate broker process (local run) instead of one inside this JVM (tests)
     * @param mailDirectory where the SMTP server writes each received mail as an {@code .eml} file
     * @param ratePerSecond the gateway's request rate per client address, {@code rateBurst} the burst it allows above it
     */
    public record Settings(Path root, Path keycloakHome, Path runDirectory, int postgresPort, int kafkaPort,
                           boolean kafkaAsProcess, int keycloakPort, int smtpPort, Path mailDirectory, int programmePort,
                           int municipalityPort, int newsletterPort, int gatewayPort, int ratePerSecond, int rateBurst) {

        /**
         * Settings for the repository at {@code root}. Defaults: every port free, Kafka inside this JVM, Keycloak from
         * {@link Stack#keycloakHome(Path)}, the run directory {@code <root>/.run} with the mails in its {@code mail}
         * folder, 50 requests per second with a burst of 100 at the gateway.
         */
        public static Builder builder(Path root) {
            return new Builder(root);
        }

        /** Builder for {@link Settings}; see {@link #builder(Path)} for the defaults. */
        public static final class Builder {
            private final Path root;
            private Path keycloakHome;
            private Path runDirectory;
            private Path mailDirectory;
            private int postgresPort;
            private int kafkaPort;
            private boolean kafkaAsProcess;
            private int keycloakPort;
            private int smtpPort;
            private int programmePort;
            private int municipalityPort;
            private int newsletterPort;
            private int gatewayPort;
            private int ratePerSecond = 50;
            private int rateBurst = 100;

            private Builder(Path root) {
                this.root = Objects.requireNonNull(root, "root");
            }

            public Builder keycloakHome(Path directory) {
                this.keycloakHome = directory;
                return this;
            }

            public Builder runDirectory(Path directory) {
                this.runDirectory = directory;
                return this;
            }

            public Builder mailDirectory(Path directory) {
                this.mailDirectory = directory;
                return this;
            }

            public Builder postgresPort(int port) {
                this.postgresPort = port;
                return this;
            }

            public Builder kafkaPort(int port) {
                this.kafkaPort = port;
                return this;
            }

            public Builder kafkaAsProcess(boolean asProcess) {
                this.kafkaAsProcess = asProcess;
                return this;
            }

            public Builder keycloakPort(int port) {
                this.keycloakPort = port;
                return this;
            }

            public Builder smtpPort(int port) {
                this.smtpPort = port;
                return this;
            }

            public Builder programmePort(int port) {
                this.programmePort = port;
                return this;
            }

            public Builder municipalityPort(int port) {
                this.municipalityPort = port;
                return this;
            }

            public Builder newsletterPort(int port) {
                this.newsletterPort = port;
                return this;
            }

            public Builder gatewayPort(int port) {
                this.gatewayPort = port;
                return this;
            }

            public Builder ratePerSecond(int rate) {
                this.ratePerSecond = rate;
                return this;
            }

            public Builder rateBurst(int burst) {
                this.rateBurst = burst;
                return this;
            }

            public Settings build() {
                Path run = runDirectory != null ? runDirectory : root.resolve(".run");
                return new Settings(root, keycloakHome != null ? keycloakHome : Stack.keycloakHome(root), run,
                        postgresPort, kafkaPort, kafkaAsProcess, keycloakPort, smtpPort,
                        mailDirectory != null ? mailDirectory : run.resolve("mail"),
                        programmePort, municipalityPort, newsletterPort, gatewayPort, ratePerSecond, rateBurst);
            }
        }
    }

    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private SmtpServer smtp;
    private NginxGateway gateway;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Path root;
    private Path logDirectory;
    private String publicBaseUrl;

    private Stack() {
    }

    public static Stack start(Settings settings) {
        Stack stack = new Stack();
        try {
            stack.boot(settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Settings settings) {
        Path run = settings.runDirectory();
        // Keycloak takes longest; it boots while the databases and the broker come up.
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> track(KeycloakServer.start(
                settings.keycloakHome(), settings.root().resolve("deploy/keycloak/realm-metrokaart.json"),
                settings.keycloakPort(), run.resolve("keycloak"))));

        postgres = track(PostgresServer.start(settings.postgresPort(), run.resolve("postgres"),
                List.of(Service.PROGRAMME.database, Service.MUNICIPALITY.database, Service.NEWSLETTER.database)));
        kafka = track(settings.kafkaAsProcess()
                ? KafkaBroker.process(run.resolve("kafka"), settings.kafkaPort(), System.getProperty("java.class.path"))
                : KafkaBroker.inJvm(run.resolve("kafka"), settings.kafkaPort()));
        emptyMailDirectory(settings.mailDirectory());
        smtp = track(SmtpServer.start(settings.smtpPort(), settings.mailDirectory()));
        try {
            keycloak = keycloakStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }

        // The gateway's port is chosen first: its address is the public base URL of every link the services make.
        int gatewayPort = Ports.orFree(settings.gatewayPort());
        String publicBaseUrl = "http://127.0.0.1:" + gatewayPort;
        int[] ports = {settings.programmePort(), settings.municipalityPort(), settings.newsletterPort()};
        this.publicBaseUrl = publicBaseUrl;
        this.logDirectory = run.resolve("logs");
        this.root = settings.root();
        for (Service service : Service.values()) {
            services.add(track(ServiceProcess.start(service.module, root.resolve(service.module),
                    ports[service.ordinal()], config(service, service.database), logDirectory)));
        }
        services.forEach(ServiceProcess::awaitReady);

        gateway = track(NginxGateway.start(settings.root().resolve("deploy/gateway"), run.resolve("gateway"),
                GatewaySettings.builder()
                        .gatewayPort(gatewayPort)
                        .publicBaseUrl(publicBaseUrl)
                        .programmePort(service(Service.PROGRAMME).port())
                        .municipalityPort(service(Service.MUNICIPALITY).port())
                        .newsletterPort(service(Service.NEWSLETTER).port())
                        .keycloakUrl("http://localhost:" + keycloak.port())
                        .ratePerSecond(settings.ratePerSecond())
                        .rateBurst(settings.rateBurst())
                        .build()));
    }

    /** The configuration a service of this stack starts with, on the given database of the stack's server. */
    private Map<String, String> config(Service service, String database) {
        Map<String, String> config = new LinkedHashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "metrokaart.public-base-url", publicBaseUrl));
        if (service == Service.PROGRAMME) {
            // Asks Keycloak's admin API whether a calendar feed's owner is still enabled.
            config.put("quarkus.keycloak.admin-client.server-url", "http://localhost:" + keycloak.port());
        }
        if (service == Service.NEWSLETTER) {
            // The variables its application.properties reads: mail goes to this stack's SMTP server, and
            // webhook callbacks on this machine (the tests' receivers, a local integrator) are allowed.
            config.put("METROKAART_SMTP_HOST", "127.0.0.1");
            config.put("METROKAART_SMTP_PORT", String.valueOf(smtp.port()));
            config.put("METROKAART_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            // The metro map of newsletters comes from programme-service's API.
            config.put("METROKAART_PROGRAMME_URL", "http://127.0.0.1:" + service(Service.PROGRAMME).port());
        }
        return config;
    }

    /**
     * Kills a service (SIGKILL, as a crash does) and starts it again on the same port and database, as Kubernetes
     * restarts a crashed pod; waits until it is ready.
     */
    public ServiceProcess crashAndRestart(Service service) {
        ServiceProcess old = services.get(service.ordinal());
        old.kill();
        started.remove(old);
        // Its own log file: the crashed instance's log stays for reading.
        ServiceProcess restarted = track(ServiceProcess.start(service.module + "-restarted", root.resolve(service.module),
                old.port(), config(service, service.database), logDirectory));
        services.set(service.ordinal(), restarted);
        return restarted.awaitReady();
    }

    /**
     * Starts another instance of a service, beside the stack's, on a new empty database of its own and as its own
     * consumer group (e.g. to rebuild read models from the topics); not behind the gateway. Close it when done.
     */
    public ServiceProcess freshInstance(Service service, String name) {
        postgres.createDatabase(name);
        Map<String, String> config = config(service, name);
        config.put("mp.messaging.connector.smallrye-kafka.group.id", name);
        return ServiceProcess.start(name, root.resolve(service.module), 0, config, logDirectory).awaitReady();
    }

    /** A run starts without the mails of the previous one, as it starts with empty databases. */
    private static void emptyMailDirectory(Path mailDirectory) {
        if (!Files.isDirectory(mailDirectory)) {
            return;
        }
        try (var mails = Files.newDirectoryStream(mailDirectory, "*.eml")) {
            for (Path mail : mails) {
                Files.delete(mail);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot empty the mail directory " + mailDirectory, e);
        }
    }

    private <T extends AutoCloseable> T track(T server) {
        started.add(server);
        return server;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** The SMTP server newsletter-service sends its mail to. */
    public SmtpServer smtp() {
        return smtp;
    }

    public NginxGateway gateway() {
        return gateway;
    }

    public ServiceProcess service(Service service) {
        return services.get(service.ordinal());
    }

    /** The repository root: {@code metrokaart.root} when set (Maven sets it), else the working directory. */
    public static Path repositoryRoot() {
        Path root = Path.of(System.getProperty("metrokaart.root", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/gateway"))) {
            throw new IllegalStateException("Not the Metrokaart repository root: " + root);
        }
        return root;
    }

    /** The Keycloak distribution the e2e module's build unpacked from the Maven repository. */
    public static Path keycloakHome(Path root) {
        Path unpacked = root.resolve("deploy/e2e/target/keycloak");
        try (var candidates = Files.list(unpacked)) {
            return candidates.filter(dir -> Files.isRegularFile(dir.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not unpacked yet (run ./mvnw install -DskipTests): " + unpacked, e);
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable server : reversed) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Stopping " + server.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
        started.clear();
    }
}
