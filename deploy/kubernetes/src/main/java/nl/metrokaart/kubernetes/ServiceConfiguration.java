package nl.metrokaart.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's configuration as it runs in production (no profile): the platform's shared defaults
 * ({@code platform/src/main/resources/META-INF/microprofile-config.properties}) overridden by the service's own
 * {@code application.properties}. Profile-specific keys ({@code %test.}, {@code %dev.}) are left out.
 */
public final class ServiceConfiguration {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::[^}]*)?}");

    private final String module;
    private final Map<String, String> properties;

    private ServiceConfiguration(String module, Map<String, String> properties) {
        this.module = module;
        this.properties = properties;
    }

    /** Every top-level module with src/main/resources/application.properties naming a quarkus.application.name. */
    public static List<ServiceConfiguration> all(Path root) {
        List<ServiceConfiguration> services = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(module.resolve("src/main/resources/application.properties"))) {
                    ServiceConfiguration configuration = of(root, module.getFileName().toString());
                    if (configuration.has("quarkus.application.name")) {
                        services.add(configuration);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("No services found in " + root);
        }
        return services;
    }

    /**
     * The Keycloak clients whose secret this service holds: each {@code ...client-id} key whose sibling
     * {@code ...client-secret} (Keycloak admin client) or {@code ...credentials.secret} (OIDC client) reads a
     * variable, client id to that variable.
     */
    public Map<String, String> clientSecretVariables() {
        Map<String, String> clients = new LinkedHashMap<>();
        for (String key : keys()) {
            if (key.endsWith(".client-id")) {
                String prefix = key.substring(0, key.length() - "client-id".length());
                variableOf(prefix + "client-secret").or(() -> variableOf(prefix + "credentials.secret"))
                        .ifPresent(variable -> clients.put(require(key), variable));
            }
        }
        return clients;
    }

    public static ServiceConfiguration of(Path root, String module) {
        Map<String, String> merged = new LinkedHashMap<>();
        load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"), merged);
        load(root.resolve(module).resolve("src/main/resources/application.properties"), merged);
        return new ServiceConfiguration(module, merged);
    }

    private static void load(Path file, Map<String, String> into) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .sorted()
                .forEach(key -> into.put(key, properties.getProperty(key)));
    }

    public String module() {
        return module;
    }

    /** The raw value (variables not expanded). */
    public Optional<String> raw(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** The value with {@code ${name:default}} expanded to the default or the referenced property. */
    public Optional<String> value(String key) {
        return raw(key).map(this::expand);
    }

    public String require(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException(module + " does not configure " + key));
    }

    public String valueOr(String key, String fallback) {
        return value(key).orElse(fallback);
    }

    public boolean has(String key) {
        return properties.containsKey(key);
    }

    public Set<String> keys() {
        return new TreeSet<>(properties.keySet());
    }

    /**
     * Keys fixed when the application is built: the OpenAPI document (and the login URL it shows Swagger UI) is
     * generated at build time, so the variables these read are set when the image is built, not in a Deployment.
     */
    public static boolean isBuildTime(String key) {
        return key.startsWith("quarkus.smallrye-openapi.") || key.startsWith("mp.openapi.");
    }

    /**
     * The environment variables the running service reads: every {@code ${NAME...}} whose NAME is no property
     * key, in a value that is not fixed at build time.
     */
    public Set<String> variables() {
        return variables(false);
    }

    /** The variables only build-time keys read (set them when building the image). */
    public Set<String> buildTimeVariables() {
        Set<String> buildTime = variables(true);
        buildTime.removeAll(variables(false));
        return buildTime;
    }

    private Set<String> variables(boolean buildTime) {
        Set<String> variables = new TreeSet<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (isBuildTime(entry.getKey()) != buildTime) {
                continue;
            }
            String value = entry.getValue();
            Matcher matcher = VARIABLE.matcher(value);
            while (matcher.find()) {
                if (!properties.containsKey(matcher.group(1))) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    /** The variable that the value of {@code key} reads, if it reads one. */
    public Optional<String> variableOf(String key) {
        return raw(key).flatMap(value -> {
            Matcher matcher = VARIABLE.matcher(value);
            return matcher.find() && !properties.containsKey(matcher.group(1))
                    ? Optional.of(matcher.group(1)) : Optional.empty();
        });
    }

    private String expand(String value) {
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = properties.containsKey(name) ? expand(properties.get(name))
                    : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
