package nl.metrokaart.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The API gateway: a real nginx in front of the three services, serving the one Swagger UI of the suite.
 *
 * <p>{@link #start} renders {@code nginx.conf.template} and {@code swagger-initializer.js.template} from the
 * template directory ({@code deploy/gateway}) into a self-contained run directory (config, logs, temp files and
 * the Swagger UI files of the {@code org.webjars:swagger-ui} jar on the classpath), checks the configuration
 * with {@code nginx -t} and runs {@code nginx -p <run dir> -c <run dir>/nginx.conf -e stderr -g 'daemon off;'}
 * in the foreground, its output in {@code <run dir>/nginx.log} and its JSON access log in
 * {@code <run dir>/logs/access.log}.
 */
public final class NginxGateway implements AutoCloseable {

    public static final String CONFIG_TEMPLATE = "nginx.conf.template";
    public static final String INITIALIZER_TEMPLATE = "swagger-initializer.js.template";
    /** The rate limit's client identity (njs), copied next to the rendered config. */
    public static final String CLIENT_KEY_SCRIPT = "client-key.js";
    /** Where Debian's libnginx-mod-http-js and the official nginx image keep the njs module. */
    public static final String NJS_MODULE = "/usr/lib/nginx/modules/ngx_http_js_module.so";
    public static final String INSTALL_HINT = "install it with apt-get install -y nginx libnginx-mod-http-js";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String SWAGGER_UI_ROOT = "META-INF/resources/webjars/swagger-ui/";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final long STOP_SECONDS = 10;

    /**
     * What the gateway needs to know. Ports of 0 are not allowed for the services; a gateway port of 0 means a
     * free one. The CORS regex must be anchored ({@code ^...$}); {@code null} allows no cross-origin callers.
     * The public base URL is where clients reach the gateway ({@code null}: {@code http://127.0.0.1:<port>}); the
     * services get its host and scheme as Host and X-Forwarded-*. {@code hsts} is the Strict-Transport-Security
     * value sent when that URL (or nginx itself) is https; empty: never sent.
     */
    public record Settings(int gatewayPort, int programmePort, int municipalityPort, int newsletterPort,
                           String keycloakUrl, int ratePerSecond, int rateBurst, String maxBody,
                           String corsOriginsRegex, String publicBaseUrl, String hsts) {

        public static final String DEFAULT_HSTS = "max-age=31536000; includeSubDomains";

        public static final String LOCAL_ORIGINS = "^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$";

        public Settings {
            checkPort("gateway", gatewayPort, true);
            checkPort("programme-service", programmePort, false);
            checkPort("municipality-service", municipalityPort, false);
            checkPort("newsletter-service", newsletterPort, false);
            keycloakUrl = normaliseKeycloakUrl(keycloakUrl);
            if (ratePerSecond < 1) {
                throw new IllegalArgumentException("ratePerSecond must be at least 1, not " + ratePerSecond);
            }
            if (rateBurst < 0) {
                throw new IllegalArgumentException("rateBurst must not be negative, not " + rateBurst);
            }
            if (maxBody == null || !maxBody.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("maxBody must be an nginx size such as 1m or 512k, not " + maxBody);
            }
            corsOriginsRegex = corsOriginsRegex == null || corsOriginsRegex.isBlank() ? "^$" : corsOriginsRegex;
            checkCorsRegex(corsOriginsRegex);
            publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                    : normaliseUrl("publicBaseUrl", publicBaseUrl);
            hsts = hsts == null ? "" : hsts.strip();
            if (!hsts.matches("[A-Za-z0-9=; -]*")) {
                throw new IllegalArgumentException("hsts must be a Strict-Transport-Security value, not " + hsts);
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder().gatewayPort(gatewayPort).programmePort(programmePort)
                    .municipalityPort(municipalityPort).newsletterPort(newsletterPort).keycloakUrl(keycloakUrl)
                    .ratePerSecond(ratePerSecond).rateBurst(rateBurst).maxBody(maxBody)
                    .corsOriginsRegex(corsOriginsRegex).publicBaseUrl(publicBaseUrl).hsts(hsts);
        }

        /** Builder for {@link Settings}; defaults: free gateway port, 100 r/s with a burst of 200, 1m, local origins. */
        public static final class Builder {
            private int gatewayPort;
            private int programmePort;
            private int municipalityPort;
            private int newsletterPort;
            private String keycloakUrl;
            private int ratePerSecond = 100;
            private int rateBurst = 200;
            private String maxBody = "1m";
            private String corsOriginsRegex = Settings.LOCAL_ORIGINS;
            private String publicBaseUrl;
            private String hsts = DEFAULT_HSTS;

            private Builder() {
            }

            public Builder gatewayPort(int port) {
                this.gatewayPort = port;
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

            public Builder keycloakUrl(String url) {
                this.keycloakUrl = url;
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

            public Builder maxBody(String size) {
                this.maxBody = size;
                return this;
            }

            public Builder corsOriginsRegex(String regex) {
                this.corsOriginsRegex = regex;
                return this;
            }

            public Builder publicBaseUrl(String url) {
                this.publicBaseUrl = url;
                return this;
            }

            public Builder hsts(String value) {
                this.hsts = value;
                return this;
            }

            public Settings build() {
                return new Settings(gatewayPort, programmePort, municipalityPort, newsletterPort, keycloakUrl,
                        ratePerSecond, rateBurst, maxBody, corsOriginsRegex, publicBaseUrl, hsts);
            }
        }

        /** {@code scheme://host[:port]} of Keycloak, as the Content-Security-Policy wants it. */
        public String keycloakOrigin() {
            URI uri = URI.create(keycloakUrl);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        }

        private static void checkPort(String what, int port, boolean zeroAllowed) {
            if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
                throw new IllegalArgumentException("Invalid " + what + " port: " + port);
            }
        }

        private static String normaliseKeycloakUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("keycloakUrl is required");
            }
            return normaliseUrl("keycloakUrl", url);
        }

        private static String normaliseUrl(String what, String url) {
            String trimmed = url.strip().replaceAll("/+$", "");
            if (!trimmed.matches("[A-Za-z0-9:/._~%-]+")) {
                throw new IllegalArgumentException(what + " contains characters not allowed in the gateway config: " + url);
            }
            try {
                URI uri = new URI(trimmed);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + url);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(what + " is not a URL: " + url, e);
            }
            return trimmed;
        }

        private static void checkCorsRegex(String regex) {
            if (!regex.startsWith("^") || !regex.endsWith("$")) {
                throw new IllegalArgumentException("corsOriginsRegex must be anchored with ^ and $: " + regex);
            }
            if (regex.chars().anyMatch(c -> c == '"' || c == '\'' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("corsOriginsRegex must not contain quotes or whitespace: " + regex);
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("corsOriginsRegex is not a valid regex: " + e.getMessage(), e);
            }
        }
    }

    private final Process process;
    private final int port;
    private final Path runDirectory;
    private final Thread shutdownHook;
    private boolean closed;

    private NginxGateway(Process process, int port, Path runDirectory) {
        this.process = process;
        this.port = port;
        this.runDirectory = runDirectory;
        this.shutdownHook = new Thread(this::stop, "nginx-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Renders the templates into {@code runDirectory} (emptied first), checks the configuration with
     * {@code nginx -t}, starts nginx and waits until {@code /healthz} answers.
     */
    public static NginxGateway start(Path templateDirectory, Path runDirectory, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Path nginx = findNginx();
        if (!Files.isRegularFile(Path.of(NJS_MODULE))) {
            throw new IllegalStateException("nginx's njs module " + NJS_MODULE + " is missing: " + INSTALL_HINT);
        }
        Path templates = templateDirectory.toAbsolutePath().normalize();
        Path run = runDirectory.toAbsolutePath().normalize();
        checkRunDirectory(run);
        int port = Ports.orFree(settings.gatewayPort());
        if (Ports.isOpen(port)) {
            throw new IllegalStateException("Gateway port " + port + " is already in use");
        }

        Map<String, String> values = new LinkedHashMap<>();
        values.put("PREFIX", run.toString());
        values.put("WORKER_USER", System.getProperty("user.name"));
        values.put("WORKER_PROCESSES", "auto");
        values.put("NJS_MODULE", NJS_MODULE);
        values.put("CLIENT_KEY_SCRIPT", run.resolve(CLIENT_KEY_SCRIPT).toString());
        values.put("LISTEN_ADDRESS", LOOPBACK);
        values.put("GATEWAY_PORT", Integer.toString(port));
        values.put("PROGRAMME_HOST", LOOPBACK);
        values.put("PROGRAMME_PORT", Integer.toString(settings.programmePort()));
        values.put("MUNICIPALITY_HOST", LOOPBACK);
        values.put("MUNICIPALITY_PORT", Integer.toString(settings.municipalityPort()));
        values.put("NEWSLETTER_HOST", LOOPBACK);
        values.put("NEWSLETTER_PORT", Integer.toString(settings.newsletterPort()));
        // No reverse proxy in front locally: the connecting address is the client's.
        values.put("TRUSTED_PROXIES", "unix:");
        values.put("RATE_PER_SECOND", Integer.toString(settings.ratePerSecond()));
        values.put("RATE_BURST", Integer.toString(settings.rateBurst()));
        values.put("MAX_BODY", settings.maxBody());
        values.put("CORS_ORIGINS_REGEX", settings.corsOriginsRegex());
        values.put("KEYCLOAK_URL", settings.keycloakUrl());
        values.put("KEYCLOAK_ORIGIN", settings.keycloakOrigin());
        URI publicBase = URI.create(settings.publicBaseUrl() != null ? settings.publicBaseUrl() : "http://127.0.0.1:" + port);
        int publicPort = publicBase.getPort() > 0 ? publicBase.getPort() : "https".equals(publicBase.getScheme()) ? 443 : 80;
        values.put("PUBLIC_SCHEME", publicBase.getScheme());
        values.put("PUBLIC_HOST", publicBase.getHost() + (publicBase.getPort() > 0 ? ":" + publicBase.getPort() : ""));
        values.put("PUBLIC_PORT", Integer.toString(publicPort));
        values.put("HSTS", settings.hsts());

        Path config = run.resolve("nginx.conf");
        Path log = run.resolve("nginx.log");
        try {
            stopStale(run);
            deleteRecursively(run);
            Files.createDirectories(run.resolve("logs"));
            Files.createDirectories(run.resolve("temp"));
            Path html = Files.createDirectories(run.resolve("html"));
            Files.writeString(config, render(read(templates.resolve(CONFIG_TEMPLATE)), values, CONFIG_TEMPLATE));
            Files.copy(templates.resolve(CLIENT_KEY_SCRIPT), run.resolve(CLIENT_KEY_SCRIPT));
            extractSwaggerUi(html);
            Files.writeString(html.resolve("swagger-initializer.js"),
                    render(read(templates.resolve(INITIALIZER_TEMPLATE)), values, INITIALIZER_TEMPLATE));
            makeReadable(run);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the gateway run directory " + run, e);
        }

        checkConfig(nginx, run, config);

        Process process;
        try {
            process = new ProcessBuilder(nginx.toString(), "-p", run + "/", "-c", config.toString(),
                    "-e", "stderr", "-g", "daemon off;")
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + nginx, e);
        }
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

    public boolean isRunning() {
        return process.isAlive();
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
        stop();
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        if (!signal("QUIT", process.pid())) {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                workers.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Path findNginx() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "nginx"));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin/nginx"));
        candidates.add(Path.of("/usr/local/sbin/nginx"));
        candidates.add(Path.of("/sbin/nginx"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "nginx was not found in PATH or /usr/sbin: " + INSTALL_HINT));
    }

    /**
     * Replaces every {@code ${NAME}}; fails listing the placeholders that have no value. Also renders the
     * templates for Kubernetes (deploy/kubernetes), with that environment's values.
     */
    public static String render(String template, Map<String, String> values, String name) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        TreeSet<String> unresolved = new TreeSet<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                unresolved.add(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!unresolved.isEmpty()) {
            throw new IllegalStateException(name + " has placeholders without a value: " + unresolved
                    + " (known: " + values.keySet() + ")");
        }
        return out.toString();
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

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Gateway template not found: " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void checkConfig(Path nginx, Path run, Path config) {
        try {
            Process test = new ProcessBuilder(nginx.toString(), "-t", "-p", run + "/", "-c", config.toString(),
                    "-e", "stderr")
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!test.waitFor(30, TimeUnit.SECONDS)) {
                test.destroyForcibly();
                throw new IllegalStateException("nginx -t did not finish for " + config);
            }
            if (test.exitValue() != 0) {
                throw new IllegalStateException("nginx -t rejected " + config + ":\n" + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + nginx + " -t", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the nginx configuration", e);
        }
    }

    /** An nginx left running from this run directory (a JVM that died without close()) would hold the port. */
    private static void stopStale(Path run) {
        Path pidFile = run.resolve("nginx.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (handle.isEmpty() || !Files.isReadable(cmdline)) {
                return;
            }
            String command = Files.readString(cmdline).replace('\0', ' ');
            if (!command.contains("nginx") || !command.contains(run.toString())) {
                return;
            }
            List<ProcessHandle> workers = handle.get().descendants().toList();
            if (!signal("QUIT", pid)) {
                handle.get().destroy();
            }
            try {
                handle.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                workers.forEach(ProcessHandle::destroyForcibly);
                handle.get().destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid file: nothing to stop
        }
    }

    private static boolean signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the Swagger UI distribution of the org.webjars:swagger-ui jar (version read from its pom.properties). */
    private static void extractSwaggerUi(Path html) throws IOException {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(NginxGateway.class.getClassLoader());
        URL pom = loader.getResource(SWAGGER_UI_POM);
        if (pom == null) {
            throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath (" + SWAGGER_UI_POM + ")");
        }
        Properties properties = new Properties();
        try (InputStream in = pom.openStream()) {
            properties.load(in);
        }
        String version = properties.getProperty("version");
        String root = SWAGGER_UI_ROOT + version + "/";
        URL index = loader.getResource(root + "index.html");
        if (version == null || index == null) {
            throw new IllegalStateException("Swagger UI files not found at classpath " + root);
        }
        int copied = 0;
        if ("jar".equals(index.getProtocol())) {
            URLConnection connection = index.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(root)) {
                        continue;
                    }
                    Path target = html.resolve(entry.getName().substring(root.length())).normalize();
                    if (!target.startsWith(html)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copied++;
                }
            }
        } else {
            Path source;
            try {
                source = Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Unexpected Swagger UI location " + index, e);
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = html.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("No Swagger UI files found at classpath " + root);
        }
        Path indexHtml = html.resolve("index.html");
        Files.writeString(indexHtml, Files.readString(indexHtml)
                .replace("<title>Swagger UI</title>", "<title>Metrokaart API</title>"));
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

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
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
