package nl.metrokaart.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A missing or rejected token is a 401 problem with a Bearer challenge; the roles are the realm's. */
class SecurityTest {

    private final AuthenticationProblems problems = new AuthenticationProblems();

    @Test
    void aMissingRejectedOrIncompleteTokenIs401WithABearerChallenge() {
        assertUnauthorized(problems.missingToken(new UnauthorizedException(), null),
                "Voor deze resource is een geldig bearer-token nodig.");
        assertUnauthorized(problems.rejectedToken(new AuthenticationFailedException("expired"), null),
                "Het bearer-token is niet geldig: het is onjuist opgebouwd, verlopen of niet door de Metrokaart-realm uitgegeven.");
        assertUnauthorized(problems.incompleteAuthentication(new AuthenticationCompletionException(), null),
                "De aanmelding kon niet worden voltooid.");
    }

    @Test
    void theRolesAndTheMunicipalityClaimAreThoseOfTheKeycloakRealm() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("../deploy/keycloak/realm-metrokaart.json").toFile());
        Set<String> realmRoles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> realmRoles.add(role.path("name").asText()));
        assertEquals(new TreeSet<>(Set.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)), realmRoles);
        List<String> claims = new ArrayList<>();
        realm.findParents("protocolMappers").forEach(parent -> parent.path("protocolMappers")
                .forEach(mapper -> claims.add(mapper.path("config").path("claim.name").asText())));
        assertTrue(claims.contains(Roles.MUNICIPALITY_CLAIM), "the realm puts the municipality claim in tokens: " + claims);
    }

    private static void assertUnauthorized(Response response, String detail) {
        assertEquals(401, response.getStatus());
        assertEquals(AuthenticationProblems.CHALLENGE, response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        HttpProblem problem = (HttpProblem) response.getEntity();
        assertEquals(detail, problem.getDetail());
    }
}
