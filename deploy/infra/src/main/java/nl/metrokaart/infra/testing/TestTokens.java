package nl.metrokaart.infra.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;

/**
 * Signed bearer tokens shaped like the Metrokaart Keycloak realm's (roles in {@code realm_access.roles}, the
 * {@code municipality} claim), for service tests that run against quarkus-test-oidc-server instead of Keycloak.
 */
public final class TestTokens {

    /** The issuer quarkus-test-oidc-server's discovery document announces. */
    private static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    /** A user with these roles; a user name that is an e-mail address is also the token's {@code email}, as in the realm. */
    public static String withRoles(String username, String... roles) {
        var token = Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
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
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600)
                .sign();
    }
}
