package nl.metrokaart.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The API gateway: a real nginx in front of the three services, serving the one Swagger UI of the suite.
 *
 * <p>{@link #start} renders the {@link GatewayTemplates} of the template directory ({@code deploy/gateway}) with the
 * {@link GatewaySettings} into a self-contained run directory (config, logs, temp files and the {@link SwaggerUiFiles}),
 * then runs nginx ({@link NginxProcess}) after {@code nginx -t} accepted the configuration, its output in
 * {@code <run dir>/nginx.log} and its JSON access log in {@code <run dir>/logs/access.log}.
 */
public final class NginxGateway implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final NginxProcess process;
    private final int port;
    private final Path runDirectory;
    private final Thread shutdownHook;
    private boolean closed;

    private NginxGateway(NginxProcess process, int port, Path runDirectory) {
        this.process = process;
        this.port = port;
        this.runDirectory = runDirectory;
        this.shutdownHook = new Thread(process::stop, "nginx-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Renders the templates into {@code runDirectory} (emptied first), checks the configuration with
     * {@code nginx -t}, starts nginx and waits until {@code /healthz} answers.
     */
    public static NginxGateway start(Path templateDirectory, Path runDirectory, GatewaySettings settings) {
        Objects.requireNonNull(settings, "settings");
        Path nginx = NginxProcess.find();
        if (!Files.isRegularFile(Path.of(GatewayTemplates.NJS_MODULE))) {
            throw new IllegalStateException("nginx's njs module " + GatewayTemplates.NJS_MODULE + " is missing: "
                    + NginxProcess.INSTALL_HINT);
        }
        Path templates = templateDirectory.toAbsolutePath().normalize();
        Path run = runDirectory.toAbsolutePath().normalize();
        checkRunDirectory(run);
        int port = Ports.orFree(settings.gatewayPort());
        if (Ports.isOpen(port)) {
            throw new IllegalStateException("Gateway port " + port + " is already in use");
        }

        Path config = run.resolve("nginx.conf");
        Path log = run.resolve("nginx.log");
        prepare(run, templates, config, GatewayTemplates.localValues(settings, run, port));
        NginxProcess.checkConfig(nginx, run, config);

        NginxProcess process = NginxProcess.start(nginx, run, config, log);
        NginxGateway gateway = new NginxGateway(process, port, run);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            Readiness.await("nginx gateway on port " + port, STARTUP_TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited with code " + process.exitValue()
                            + " while starting; " + log + ":\n" + LogTail.of(log, 30));
                }
                return status(client, gateway.baseUrl() + "/healthz") == 200;
            });
            if (status(client, gateway.baseUrl() + "/") != 200) {
                throw new IllegalStateException("nginx is up but cannot serve Swagger UI from " + run.resolve("html")
                        + " (are all parent directories readable by the nginx worker user?); " + log + ":\n" + LogTail.of(log, 30));
            }
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            if (e.getMessage() != null && e.getMessage().contains("did not become ready")) {
                throw new IllegalStateException(e.getMessage() + "; " + log + ":\n" + LogTail.of(log, 30), e);
            }
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path runDirectory() {
        return runDirectory;
    }

    /** The JSON access log (one object per line, with the request id). */
    public Path accessLog() {
        return runDirectory.resolve("logs").resolve("access.log");
    }

    /** Graceful stop (SIGQUIT: finish open requests), forcibly after 10 s. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run; stopping twice is harmless
        }
        process.stop();
    }

    // ---- the run directory ----------------------------------------------------------------------------------

    /** Stops an nginx left from this run directory, empties it and fills it with the rendered files. */
    private static void prepare(Path run, Path templates, Path config, Map<String, String> values) {
        try {
            NginxProcess.stopStale(run);
            Directories.deleteRecursively(run);
            Files.createDirectories(run.resolve("logs"));
            Files.createDirectories(run.resolve("temp"));
            Path html = Files.createDirectories(run.resolve("html"));
            Files.writeString(config, GatewayTemplates.render(templates, GatewayTemplates.CONFIG_TEMPLATE, values));
            Files.copy(templates.resolve(GatewayTemplates.CLIENT_KEY_SCRIPT), run.resolve(GatewayTemplates.CLIENT_KEY_SCRIPT));
            SwaggerUiFiles.copyTo(html);
            Files.writeString(html.resolve("swagger-initializer.js"),
                    GatewayTemplates.render(templates, GatewayTemplates.INITIALIZER_TEMPLATE, values));
            makeReadable(run);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the gateway run directory " + run, e);
        }
    }

    private static void checkRunDirectory(Path run) {
        String text = run.toString();
        if (run.getNameCount() < 2 || run.equals(Path.of(System.getProperty("user.home")).toAbsolutePath())
                || Path.of("").toAbsolutePath().startsWith(run)) {
            throw new IllegalArgumentException("Refusing to use " + run + " as the gateway run directory (it is emptied)");
        }
        if (text.chars().anyMatch(c -> c == '"' || c == '\'' || c == '$' || c == '\\' || c == ';'
                || c == '{' || c == '}' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("The gateway run directory must not contain quotes, $, \\, ;, braces"
                    + " or whitespace: " + run);
        }
    }

    /** nginx workers run as an unprivileged user when nginx is started by root. */
    private static void makeReadable(Path run) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(run)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static int status(HttpClient client, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
