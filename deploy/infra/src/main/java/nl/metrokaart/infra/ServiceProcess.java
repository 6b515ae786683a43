package nl.metrokaart.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Metrokaart service, run from its built {@code target/quarkus-app} as a separate JVM in the production
 * profile (JSON logs) with its configuration as system properties. Ready when {@code /q/health/ready} says UP.
 */
public final class ServiceProcess implements AutoCloseable {

    /** System property: {@code false} for a long-running suite (the local run), whose services then run at full speed. */
    public static final String QUICK_START = "metrokaart.services.quick-start";
    // Generous: on a loaded 2-core machine (parallel builds) a service has taken over 120 s to become ready.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <moduleDirectory>/target/quarkus-app/quarkus-run.jar}; port 0 picks a free one. Does not wait:
     * call {@link #awaitReady()} so that several services can boot side by side.
     */
    public static ServiceProcess start(String name, Path moduleDirectory, int port, Map<String, String> config, Path logDirectory) {
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw install -DskipTests)");
        }
        int actualPort = Ports.orFree(port);
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
        command.addAll(ServiceJvm.options(jar.getParent(), Boolean.parseBoolean(System.getProperty(QUICK_START, "true"))));
        command.addAll(List.of("-Dquarkus.http.port=" + actualPort, "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    // The class-data archive names quarkus-run.jar relative to the directory it was written in.
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(ServiceJvm.ENVIRONMENT);
            Process process = builder.start();
            return new ServiceProcess(name, actualPort, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    public ServiceProcess awaitReady() {
        Readiness.await(name + " (log: " + log + ")", STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last log lines:\n"
                        + LogTail.of(log, 40));
            }
            return isReady();
        });
        return this;
    }

    private boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Kills the service at once (SIGKILL), as a crash does: no shutdown hooks, no last offset commit. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " did not end after SIGKILL", e);
        }
    }

    @Override
    public void close() {
        Processes.stopTree(process, Duration.ofSeconds(20));
    }
}
