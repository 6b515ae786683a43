package nl.metrokaart.municipality.municipality;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import nl.metrokaart.municipality.text.RequestTexts;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may change what a municipality itself decides (its participations and variant choices): admins and
 * programme managers for every municipality, a municipality coordinator only for the municipality named in
 * its token's {@code municipality} claim. The one place this rule lives; the roles themselves are checked by
 * {@code @RolesAllowed} on the resources.
 */
@ApplicationScoped
public class MunicipalityScope {

    @Inject
    SecurityIdentity identity;

    /** 403 problem unless the caller may change the municipality; call before anything is read or changed. */
    public void requireMayChange(String municipalityCode) {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.PROGRAMME_MANAGER)) {
            return;
        }
        String own = coordinatedMunicipality();
        if (identity.hasRole(Roles.MUNICIPALITY_COORDINATOR) && municipalityCode.equals(own)) {
            return;
        }
        throw HttpProblem.builder().withStatus(403).withTitle("Forbidden")
                .withDetail(own == null ? RequestTexts.problems().onlyOwnCoordinator()
                        : RequestTexts.problems().otherMunicipality(own, municipalityCode))
                .build();
    }

    /** The CBS code in the token's municipality claim, or null. */
    private String coordinatedMunicipality() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(Roles.MUNICIPALITY_CLAIM);
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String code ? code : null;
    }
}
