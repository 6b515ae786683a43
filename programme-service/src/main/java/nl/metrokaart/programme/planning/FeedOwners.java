package nl.metrokaart.programme.planning;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import nl.metrokaart.programme.text.RequestTexts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Whether the owner of a calendar feed may still read it: a feed polled without a token cannot tell whether its
 * owner's account still exists, so programme-service asks Keycloak's admin REST API (its own service account, role
 * realm-management view-users) on every poll. A disabled or deleted owner's feeds stop working at once; when
 * Keycloak cannot be asked, the feed is refused (503) rather than served. {@code metrokaart.calendar-feeds.owner-check=off}
 * skips the check (service tests, which run without Keycloak).
 */
@ApplicationScoped
public class FeedOwners {

    private static final Logger LOG = Logger.getLogger(FeedOwners.class);

    @ConfigProperty(name = "metrokaart.calendar-feeds.owner-check", defaultValue = "keycloak")
    String ownerCheck;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    @Inject
    Instance<Keycloak> keycloak;

    /** Whether the Keycloak user with this id exists and is enabled; a feed without a known owner is not. */
    public boolean enabled(String subject) {
        if ("off".equals(ownerCheck)) {
            return true;
        }
        if (subject == null) {
            return false;
        }
        try {
            UserRepresentation user = keycloak.get().realm(realm).users().get(subject).toRepresentation();
            return Boolean.TRUE.equals(user.isEnabled());
        } catch (NotFoundException deleted) {
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot ask Keycloak whether calendar-feed owner %s is enabled: %s", subject, e.toString());
            throw HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE)
                    .withTitle("Service Unavailable")
                    .withDetail(RequestTexts.problems().calendarUnavailable())
                    .withHeader("Retry-After", "60").build();
        }
    }
}
