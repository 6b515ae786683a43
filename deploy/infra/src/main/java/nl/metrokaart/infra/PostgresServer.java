package nl.metrokaart.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries, with one database per service.
 * The binaries unpack below {@code ot.epg.working-dir} (set to a {@code target/} folder by the build).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on the given port (0: a free one) with its data in {@code dataDirectory}, which is
     * emptied first so every run starts from the same state, and creates the named databases.
     */
    public static PostgresServer start(int port, Path dataDirectory, List<String> databases) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(Ports.orFree(port))
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // Each transaction's commit time (pg_xact_commit_timestamp): bench/propagation.py reads when an
                    // event's consumer transaction made it visible. A few bytes per transaction.
                    .setServerConfig("track_commit_timestamp", "on");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory.toFile());
            }
            PostgresServer server = new PostgresServer(builder.start());
            server.createDatabases(databases);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + database);
                }
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: could not create databases " + databases, e);
        }
    }

    /** Creates a database if the server has none of that name (e.g. for a fresh instance of a service). */
    public void createDatabase(String database) {
        createDatabases(List.of(database));
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
