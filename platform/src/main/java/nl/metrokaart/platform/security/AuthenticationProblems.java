package nl.metrokaart.platform.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problem+json for a missing or rejected bearer token. quarkus-resteasy-problem 3.21's own mappers for these
 * exceptions read an authentication challenge field that Quarkus 3.33 no longer has (they fail with a 500), so
 * the chassis maps them itself, ahead of the extension's mappers.
 */
public class AuthenticationProblems {

    static final String CHALLENGE = "Bearer realm=\"metrokaart\"";

    @ServerExceptionMapper(priority = 1)
    public Response missingToken(UnauthorizedException e) {
        return unauthorized("A valid bearer token is required for this resource.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response rejectedToken(AuthenticationFailedException e) {
        return unauthorized("The bearer token is not valid: it is malformed, expired or not issued by the Metrokaart realm.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response incompleteAuthentication(AuthenticationCompletionException e) {
        return unauthorized("Authentication could not be completed.");
    }

    private static Response unauthorized(String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build()
                .toResponse();
    }
}
