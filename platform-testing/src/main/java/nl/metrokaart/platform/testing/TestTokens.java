package nl.metrokaart.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signed bearer tokens shaped like the Metrokaart Keycloak realm's (roles in {@code realm_access.roles}, the
 * {@code municipality} claim), for service tests that run against quarkus-test-oidc-server instead of Keycloak.
 */
public final class TestTokens {

    /** The issuer quarkus-test-oidc-server's discovery document announces. */
    private static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    /**
     * The audience Keycloak's audience mappers give tokens for the service under test: the service's
     * {@code quarkus.oidc.token.audience} (its application name).
     */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.token.audience", String.class);
    }

    public static String withRoles(String username, String... roles) {
        return forAudience(audience(), username, roles);
    }

    /**
     * A token like {@link #withRoles} but issued for another audience (another service or client of the realm). A
     * user name that is an e-mail address is also the token's {@code email}, as the realm's users have one.
     */
    public static String forAudience(String audience, String username, String... roles) {
        var token = Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (username.contains("@")) {
            token.claim("email", username);
        }
        return token.expiresIn(600).sign();
    }

    /** A municipality coordinator scoped to one municipality (CBS code, e.g. GM0610). */
    public static String coordinator(String username, String municipalityCode) {
        return Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
                .claim("realm_access", Map.of("roles", List.of("municipality-coordinator")))
                .audience(audience())
                .claim("municipality", municipalityCode)
                .expiresIn(600)
                .sign();
    }

    /**
     * A client-credentials token of a confidential client (an integrator's system), as Keycloak issues it: the
     * client id in {@code azp} and {@code client_id}, the subject and user name of the client's service account.
     */
    public static String client(String clientId, String... roles) {
        return Jwt.preferredUserName("service-account-" + clientId)
                .subject("service-account-" + clientId)
                .issuer(ISSUER)
                .audience(audience())
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600)
                .sign();
    }
}
