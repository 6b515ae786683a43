package nl.metrokaart.newsletter.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as webhook subscriptions go: the client id of the token (Keycloak puts it in {@code azp};
 * {@code client_id} otherwise; a token naming neither is its subject's own) and whether it is an admin.
 */
@RequestScoped
public class WebhookCaller {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public String clientId() {
        for (String claim : new String[] {"azp", "client_id"}) {
            Object value = token.getClaim(claim);
            String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return identity.getPrincipal().getName();
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Admins see every subscription; anyone else only their own. */
    public boolean maySee(WebhookSubscription subscription) {
        return admin() || subscription.owner.equals(clientId());
    }
}
