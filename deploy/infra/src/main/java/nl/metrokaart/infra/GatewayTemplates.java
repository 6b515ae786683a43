package nl.metrokaart.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's templates in {@code deploy/gateway} ({@code nginx.conf.template}, {@code swagger-initializer.js.template})
 * and how their {@code ${NAME}} placeholders are filled: for a gateway on this machine from {@link GatewaySettings}, for
 * Kubernetes (deploy/kubernetes) with that environment's values.
 */
public final class GatewayTemplates {

    public static final String CONFIG_TEMPLATE = "nginx.conf.template";
    public static final String INITIALIZER_TEMPLATE = "swagger-initializer.js.template";
    /** The rate limit's client identity (njs), copied next to the rendered config. */
    public static final String CLIENT_KEY_SCRIPT = "client-key.js";
    /** Where Debian's libnginx-mod-http-js and the official nginx image keep the njs module. */
    public static final String NJS_MODULE = "/usr/lib/nginx/modules/ngx_http_js_module.so";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private GatewayTemplates() {
    }

    /** Replaces every {@code ${NAME}}; fails listing the placeholders that have no value. */
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

    /** Renders the template {@code name} of {@code templateDirectory}. */
    static String render(Path templateDirectory, String name, Map<String, String> values) throws IOException {
        Path file = templateDirectory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Gateway template not found: " + file);
        }
        return render(Files.readString(file, StandardCharsets.UTF_8), values, name);
    }

    /**
     * The placeholder values of a gateway on this machine: nginx with its prefix {@code run} listening on loopback
     * {@code port}, the services on loopback, no reverse proxy in front.
     */
    static Map<String, String> localValues(GatewaySettings settings, Path run, int port) {
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
        return values;
    }
}
