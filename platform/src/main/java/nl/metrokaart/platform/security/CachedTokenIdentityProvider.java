package nl.metrokaart.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once: Quarkus OIDC checks a token's signature, issuer, audience and expiry on every
 * request (about a fifth of a single-project GET's CPU), and a client sends the same token for minutes. The first
 * request with a token goes through Quarkus OIDC as before; what it produced is kept in {@link VerifiedTokens},
 * keyed by the whole token string, until the token's {@code exp}, so a later request with exactly that token gets
 * the same identity without verifying it again, and an expired token is always verified again (and refused).
 * Refused tokens are never kept. {@code metrokaart.security.verified-tokens.max-entries} bounds the cache (0: off).
 *
 * <p>Runs ahead of Quarkus OIDC's own provider (a higher priority) and hands every request it does not answer
 * from the cache to it. The identity's per-request attributes (the routing context) are those of the current
 * request, never of the request that verified the token.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens<SecurityIdentity> verified;

    @Inject
    CachedTokenIdentityProvider(OidcIdentityProvider oidc,
            @ConfigProperty(name = "metrokaart.security.verified-tokens.max-entries", defaultValue = "10000") int maxEntries) {
        this.oidc = oidc;
        // The wall clock, as Quarkus OIDC checks exp with it (not the programme's clock, which tests may fix).
        this.verified = maxEntries > 0 ? new VerifiedTokens<>(maxEntries, System::currentTimeMillis) : null;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (verified == null || !(request.getToken() instanceof AccessTokenCredential)) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            return Uni.createFrom().item(forRequest(known, HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /** Whether exactly this token is known as verified (and not expired): requests with it skip verification. */
    public boolean remembers(String token) {
        return verified != null && verified.get(token) != null;
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && token.equals(jwt.getRawToken())) {
            // Kept without the verifying request's routing context (it would otherwise live as long as the token).
            verified.put(token, forRequest(identity, null), jwt.getExpirationTime());
        }
    }

    /** The identity with the per-request attributes Quarkus OIDC sets taken from ROUTING_CONTEXT. */
    private static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext routingContext) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.getAttributes().containsKey(ROUTING_CONTEXT)) {
            builder.addAttribute(ROUTING_CONTEXT, routingContext);
        }
        if (identity.getAttributes().containsKey(REQUEST_CONTEXT)) {
            builder.addAttribute(REQUEST_CONTEXT, routingContext == null ? null : routingContext.get(REQUEST_CONTEXT));
        }
        return builder.build();
    }
}
