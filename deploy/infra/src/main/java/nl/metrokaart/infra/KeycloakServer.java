package nl.metrokaart.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real Keycloak server from an unpacked Keycloak distribution, run in development mode with an in-memory
 * database and the Metrokaart realm imported at start. Every start therefore begins from the realm file alone.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "metrokaart";

    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(180);
    // Generous: on a loaded 2-core machine (parallel builds) Keycloak has taken over 120 s to start.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 30;
    // Two-core machines run the whole suite at once: keep the heap moderate.
    private static final String HEAP_OPTIONS = "-Xms64m -Xmx768m";
    // Printed once any re-augmentation is done and the server itself starts.
    private static final String SERVER_PHASE_MARKER = "Running the server in development mode";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http;
    private final String adminPassword;

    private KeycloakServer(Process process, int port, Path logFile, HttpClient http, String adminPassword) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak from {@code keycloakHome} on {@code port} (0: a free one), importing {@code realmFile}, with
     * its output in {@code runDirectory/keycloak.log}. Returns once the realm's discovery document is served.
     */
    public static KeycloakServer start(Path keycloakHome, Path realmFile, int port, Path runDirectory) {
        Path launcher = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException("Not an unpacked Keycloak distribution (no bin/kc.sh): " + keycloakHome);
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalArgumentException("Keycloak realm file not found: " + realmFile);
        }
        int httpPort = Ports.orFree(port);
        Path logFile = runDirectory.resolve("keycloak.log");
        // The master realm's administrator of this throw-away server (tests use it to disable users); a fresh
        // random password on every start, kept in memory only.
        String adminPassword = UUID.randomUUID().toString();
        Process process;
        try {
            // --import-realm only reads <home>/data/import; the dev-mem database is empty on every start,
            // so the realm is imported afresh each time.
            Path importDirectory = Files.createDirectories(keycloakHome.resolve("data/import"));
            Files.copy(realmFile, importDirectory.resolve(realmFile.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(runDirectory);

            // Through sh: a distribution unpacked by a build tool may have lost the executable bit.
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", launcher.toString(), "start-dev",
                    "--db=dev-mem",
                    "--import-realm",
                    "--http-port=" + httpPort,
                    // A fixed hostname keeps the token issuer stable whichever address a client uses.
                    "--hostname=http://localhost:" + httpPort,
                    // The management interface defaults to 9000; a free port lets several servers run side by side.
                    "--http-management-port=" + Ports.free())
                    .directory(keycloakHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            // kc.sh appends this to its tuned default JVM options; setting JAVA_OPTS would replace those.
            builder.environment().put("JAVA_OPTS_KC_HEAP", HEAP_OPTIONS);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be launched from " + keycloakHome, e);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        KeycloakServer server = new KeycloakServer(process, httpPort, logFile, http, adminPassword);
        try {
            // A fresh distribution first re-augments itself for dev mode (once; the result is kept in lib/quarkus),
            // which takes about a minute on a busy two-core machine. That build is not counted as start-up time.
            Readiness.await("Keycloak build", BUILD_TIMEOUT, () -> {
                server.requireAlive();
                return server.logContains(SERVER_PHASE_MARKER) || server.discoveryAvailable();
            });
            Readiness.await("Keycloak on port " + httpPort, STARTUP_TIMEOUT, () -> {
                server.requireAlive();
                return server.discoveryAvailable();
            });
        } catch (KeycloakDied e) {
            server.close();
            throw new IllegalStateException("Keycloak exited with code " + e.exitCode + " before it was ready; log: "
                    + logFile + "\n" + LogTail.of(logFile, LOG_TAIL_LINES));
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException(
                    e.getMessage() + "; log: " + logFile + "\n" + LogTail.of(logFile, LOG_TAIL_LINES), e);
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** The realm's base URL, which is also the issuer ({@code iss}) of its tokens. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** An access token for a user (resource owner password grant); {@code clientSecret} is null for public clients. */
    public String passwordGrant(String clientId, String clientSecret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("username", username);
        form.put("password", password);
        return requestToken(form, "user " + username + " via client " + clientId);
    }

    /** An access token for a client's service account (client credentials grant). */
    public String clientCredentials(String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return requestToken(form, "client " + clientId);
    }

    /** The admin REST API of the Metrokaart realm: {@code http://localhost:<port>/admin/realms/metrokaart}. */
    public String adminApiUrl() {
        return "http://localhost:" + port + "/admin/realms/" + REALM;
    }

    /** A token of the master realm's administrator, for the admin REST API (e.g. to disable a user in a test). */
    public String adminToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", "admin");
        form.put("password", adminPassword);
        return requestToken("http://localhost:" + port + "/realms/master/protocol/openid-connect/token", form,
                "the master realm's administrator");
    }

    private String requestToken(Map<String, String> form, String subject) {
        return requestToken(tokenUrl(), form, subject);
    }

    private String requestToken(String tokenUrl, Map<String, String> form, String subject) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + subject + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            if (token == null || !token.isTextual()) {
                throw new IllegalStateException("Keycloak token response for " + subject + " has no access_token: "
                        + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak token response for " + subject + " is not JSON: "
                    + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during Keycloak request: " + request.uri(), e);
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new KeycloakDied(process.exitValue());
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean discoveryAvailable() {
        if (!Ports.isOpen(port)) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            // Not serving yet, or the request timed out while Keycloak is still booting: keep polling.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Stops Keycloak gracefully, forcibly after 20 s. kc.sh runs Keycloak in a child JVM, so the descendants are
     * stopped too rather than left holding the ports.
     */
    @Override
    public void close() {
        Processes.stopTree(process, STOP_TIMEOUT);
    }

    /** Signals, from inside the readiness check, that the process ended before it was ready. */
    private static final class KeycloakDied extends RuntimeException {
        private final int exitCode;

        KeycloakDied(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
