package nl.metrokaart.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the nginx gateway needs to know, checked when made: every value goes into its configuration. Ports of 0 are not allowed for the services; a gateway port of 0 means a
 * free one. The CORS regex must be anchored ({@code ^...$}); {@code null} allows no cross-origin callers.
 * The public base URL is where clients reach the gateway ({@code null}: {@code http://127.0.0.1:<port>}); the
 * services get its host and scheme as Host and X-Forwarded-*. {@code hsts} is the Strict-Transport-Security
 * value sent when that URL (or nginx itself) is https; empty: never sent.
 */
public record GatewaySettings(int gatewayPort, int programmePort, int municipalityPort, int newsletterPort,
                       String keycloakUrl, int ratePerSecond, int rateBurst, String maxBody,
                       String corsOriginsRegex, String publicBaseUrl, String hsts) {

    public static final String DEFAULT_HSTS = "max-age=31536000; includeSubDomains";

    public static final String LOCAL_ORIGINS = "^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$";

    public GatewaySettings {
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

    /** Builder for {@link GatewaySettings}; defaults: free gateway port, 100 r/s with a burst of 200, 1m, local origins. */
    public static final class Builder {
        private int gatewayPort;
        private int programmePort;
        private int municipalityPort;
        private int newsletterPort;
        private String keycloakUrl;
        private int ratePerSecond = 100;
        private int rateBurst = 200;
        private String maxBody = "1m";
        private String corsOriginsRegex = LOCAL_ORIGINS;
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

        public GatewaySettings build() {
            return new GatewaySettings(gatewayPort, programmePort, municipalityPort, newsletterPort, keycloakUrl,
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
