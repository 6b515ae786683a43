package nl.metrokaart.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.metrokaart.infra.KafkaBroker;
import nl.metrokaart.infra.PostgresServer;

/**
 * Quarkus test resource that gives a service under test its own real PostgreSQL database and a real Kafka
 * broker (in this JVM). Init argument {@code database} names the database (default {@code app}).
 * Tests reach the broker through {@link #broker()} to stop and restart it.
 */
public class PostgresKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;
    private PostgresServer postgres;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Path target = Path.of("target");
        postgres = PostgresServer.start(0, target.resolve("postgres-data"), List.of(database));
        broker = KafkaBroker.inJvm(target.resolve("kafka"), 0);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", broker.bootstrapServers());
    }

    /** The running broker, for tests that take Kafka away and bring it back. */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
