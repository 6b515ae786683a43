package nl.metrokaart.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.metrokaart.infra.GatewaySettings;
import nl.metrokaart.infra.GatewayTemplates;
import nl.metrokaart.infra.ServiceJvm;

/**
 * The files of each overlay that are derived from the rest of the repository, so that Kubernetes runs what runs
 * locally: the gateway's nginx.conf and swagger-initializer.js, rendered from {@code deploy/gateway} for the
 * cluster's Service names, and the KeycloakRealmImport made from {@code deploy/keycloak/realm-metrokaart.json}
 * (in an overlay with {@code realm.demo=false}: without demo users, client secrets, the password grant and
 * loopback redirect URIs). The values come from the overlay's {@code environment.properties}. And the services' JVM
 * settings, those of {@link ServiceJvm} the local run uses, as the variables of the image's launcher
 * ({@code service-jvm.env}, the ConfigMap {@code service-jvm} every service's Deployment reads).
 *
 * <p>Run {@code main} after changing the template, the realm or an environment.properties (README, "Run on
 * Kubernetes"); a test fails while the committed files differ from what this renders.
 */
public final class GeneratedManifests {

    public static final List<String> OVERLAYS = List.of("dev", "production");
    public static final String NGINX_CONF = "generated/nginx.conf";
    public static final String SWAGGER_INITIALIZER = "generated/swagger-initializer.js";
    public static final String CLIENT_KEY_SCRIPT = "generated/" + GatewayTemplates.CLIENT_KEY_SCRIPT;
    public static final String REALM_IMPORT = "generated/realm-import.yaml";
    public static final String SERVICE_JVM = "generated/service-jvm.env";
    /** The gateway's run directory in its pod (an emptyDir, see base/gateway/gateway.yaml). */
    public static final String GATEWAY_PREFIX = "/srv/gateway";
    public static final int GATEWAY_PORT = 8080;
    /** The Keycloak CR the realm is imported into (base/keycloak/keycloak.yaml). */
    public static final String KEYCLOAK_CR = "keycloak";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private GeneratedManifests() {
    }

    /** Writes the generated files of every overlay; the first argument is the repository root (default "."). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        for (String overlay : OVERLAYS) {
            for (Map.Entry<String, String> file : render(root, overlay).entrySet()) {
                Path target = overlayDirectory(root, overlay).resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + root.relativize(target));
            }
        }
    }

    public static Path overlayDirectory(Path root, String overlay) {
        return root.resolve("deploy/kubernetes/overlays").resolve(overlay);
    }

    /** The generated files of one overlay: path inside the overlay directory to content. */
    public static Map<String, String> render(Path root, String overlay) {
        Properties environment = environment(root, overlay);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> values = gatewayValues(root, environment);
        Path templates = root.resolve("deploy/gateway");
        files.put(NGINX_CONF, GatewayTemplates.render(read(templates.resolve(GatewayTemplates.CONFIG_TEMPLATE)), values,
                GatewayTemplates.CONFIG_TEMPLATE));
        files.put(SWAGGER_INITIALIZER, GatewayTemplates.render(read(templates.resolve(GatewayTemplates.INITIALIZER_TEMPLATE)),
                values, GatewayTemplates.INITIALIZER_TEMPLATE));
        files.put(CLIENT_KEY_SCRIPT, read(templates.resolve(GatewayTemplates.CLIENT_KEY_SCRIPT)));
        files.put(REALM_IMPORT, realmImport(root, environment));
        StringBuilder jvm = new StringBuilder("# Rendered from deploy/infra ServiceJvm (GeneratedManifests): the services' JVM settings.\n");
        serviceJvmEnvironment().forEach((name, value) -> jvm.append(name).append('=').append(value).append('\n'));
        files.put(SERVICE_JVM, jvm.toString());
        return files;
    }

    /**
     * {@link ServiceJvm}'s settings as the variables of the images' launcher (run-java.sh of the ubi9 OpenJDK
     * runtime image Quarkus' Jib build starts from): the collector in place of its default Parallel GC, the memory
     * options after its own (the later option wins), and the process environment. No class-data archive: an image
     * is built without one (parent pom).
     */
    public static Map<String, String> serviceJvmEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("GC_CONTAINER_OPTIONS", ServiceJvm.GARBAGE_COLLECTOR);
        variables.put("JAVA_OPTS_APPEND", String.join(" ", ServiceJvm.MEMORY));
        variables.putAll(new java.util.TreeMap<>(ServiceJvm.ENVIRONMENT));
        return variables;
    }

    public static Properties environment(Path root, String overlay) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(overlayDirectory(root, overlay).resolve("environment.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Map<String, String> gatewayValues(Path root, Properties environment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PREFIX", GATEWAY_PREFIX);
        // The unprivileged nginx image runs as this user already ("user" is ignored when not started as root).
        values.put("WORKER_USER", "nginx");
        values.put("WORKER_PROCESSES", "auto");
        values.put("NJS_MODULE", GatewayTemplates.NJS_MODULE);
        // Mounted from the ConfigMap gateway-config beside nginx.conf (base/gateway/gateway.yaml).
        values.put("CLIENT_KEY_SCRIPT", "/etc/metrokaart/gateway/" + GatewayTemplates.CLIENT_KEY_SCRIPT);
        values.put("LISTEN_ADDRESS", "0.0.0.0");
        values.put("GATEWAY_PORT", Integer.toString(GATEWAY_PORT));
        for (String service : List.of("programme", "municipality", "newsletter")) {
            String name = service + "-service";
            String upper = service.toUpperCase(java.util.Locale.ROOT);
            // Each service's Service is named after it and listens on its quarkus.http.port.
            values.put(upper + "_HOST", name);
            values.put(upper + "_PORT", ServiceConfiguration.of(root, name).require("quarkus.http.port"));
        }
        values.put("TRUSTED_PROXIES", require(environment, "gateway.trusted-proxies"));
        values.put("RATE_PER_SECOND", require(environment, "gateway.rate-per-second"));
        values.put("RATE_BURST", require(environment, "gateway.rate-burst"));
        values.put("MAX_BODY", require(environment, "gateway.max-body"));
        values.put("CORS_ORIGINS_REGEX", require(environment, "gateway.cors-origins-regex"));
        // Host and X-Forwarded-* the services get: the public base URL (TLS at the Ingress in front).
        URI publicBase = URI.create(require(environment, "public.gateway.url"));
        values.put("PUBLIC_SCHEME", publicBase.getScheme());
        values.put("PUBLIC_HOST", publicBase.getHost() + (publicBase.getPort() > 0 ? ":" + publicBase.getPort() : ""));
        values.put("PUBLIC_PORT", Integer.toString(publicBase.getPort() > 0 ? publicBase.getPort()
                : "https".equals(publicBase.getScheme()) ? 443 : 80));
        values.put("HSTS", GatewaySettings.DEFAULT_HSTS);
        String keycloak = require(environment, "public.keycloak.url");
        URI keycloakUri = URI.create(keycloak);
        values.put("KEYCLOAK_URL", keycloak);
        values.put("KEYCLOAK_ORIGIN", keycloakUri.getScheme() + "://" + keycloakUri.getHost()
                + (keycloakUri.getPort() > 0 ? ":" + keycloakUri.getPort() : ""));
        return values;
    }

    private static String realmImport(Path root, Properties environment) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(root.resolve("deploy/keycloak/realm-metrokaart.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean demo = Boolean.parseBoolean(require(environment, "realm.demo"));
        Map<String, String> serviceClients = new LinkedHashMap<>();
        ServiceConfiguration.all(root).forEach(service -> serviceClients.putAll(service.clientSecretVariables()));
        if (!demo) {
            withoutDemo(realm, require(environment, "public.gateway.url"));
        }
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", realm.path("realm").asText());
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        if (!demo) {
            // The secret of a client one of our services authenticates as comes from a Secret both read.
            ObjectNode placeholders = JSON.createObjectNode();
            for (JsonNode client : realm.path("clients")) {
                String variable = serviceClients.get(client.path("clientId").asText());
                if (variable != null) {
                    ((ObjectNode) client).put("secret", "${" + variable + "}");
                    placeholders.putObject(variable).putObject("secret")
                            .put("name", clientSecretName(client.path("clientId").asText())).put("key", CLIENT_SECRET_KEY);
                }
            }
            if (!placeholders.isEmpty()) {
                spec.set("placeholders", placeholders);
            }
        }
        spec.set("realm", realm);
        try {
            return "# Generated by nl.metrokaart.kubernetes.GeneratedManifests from deploy/keycloak/realm-metrokaart.json"
                    + (demo ? " (with its demo users and client secrets)" : " (without demo users, fixed client secrets, the password grant or loopback redirect URIs)")
                    + ";\n# do not edit: change the realm file or environment.properties and run the generator.\n"
                    + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Production: only the service-account users stay (they carry the clients' roles), confidential clients get a
     * secret generated by Keycloak on import instead of the fixed demo one (a client one of our services
     * authenticates as gets a placeholder for the Secret both read), no client allows the password grant,
     * loopback redirect URIs become the public gateway's, and TLS is required for external clients.
     */
    /** The Secret (key {@link #CLIENT_SECRET_KEY}) that holds a service's Keycloak client secret in production. */
    public static String clientSecretName(String clientId) {
        return clientId + "-client-secret";
    }

    public static final String CLIENT_SECRET_KEY = "secret";

    static void withoutDemo(ObjectNode realm, String publicGatewayUrl) {
        realm.put("sslRequired", "external");
        JsonNode users = realm.path("users");
        if (users.isArray()) {
            ArrayNode kept = JSON.createArrayNode();
            users.forEach(user -> {
                if (user.hasNonNull("serviceAccountClientId")) {
                    kept.add(user);
                }
            });
            realm.set("users", kept);
        }
        for (JsonNode client : realm.path("clients")) {
            ObjectNode node = (ObjectNode) client;
            node.remove("secret");
            if (node.has("directAccessGrantsEnabled")) {
                node.put("directAccessGrantsEnabled", false);
            }
            if (node.path("redirectUris").isArray()) {
                Set<String> uris = new LinkedHashSet<>();
                node.path("redirectUris").forEach(uri -> uris.add(isLoopback(uri.asText())
                        ? publicGatewayUrl.replaceAll("/+$", "") + "/*" : uri.asText()));
                ArrayNode array = node.putArray("redirectUris");
                uris.forEach(array::add);
            }
        }
    }

    private static boolean isLoopback(String uri) {
        try {
            String host = URI.create(uri.replace("*", "x")).getHost();
            return "localhost".equals(host) || (host != null && host.startsWith("127."));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String require(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment.properties lacks " + key);
        }
        return value.strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
