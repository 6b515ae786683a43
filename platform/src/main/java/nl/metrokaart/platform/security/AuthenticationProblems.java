package nl.metrokaart.platform.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.metrokaart.platform.problem.ProblemResponses;
import nl.metrokaart.platform.problem.ProblemTexts;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problem+json for a missing or rejected bearer token. quarkus-resteasy-problem 3.21's own mappers for these
 * exceptions read an authentication challenge field that Quarkus 3.33 no longer has (they fail with a 500), so
 * the chassis maps them itself, ahead of the extension's mappers.
 */
public class AuthenticationProblems {

    static final String CHALLENGE = "Bearer realm=\"metrokaart\"";

    @ServerExceptionMapper(priority = 1)
    public Response missingToken(UnauthorizedException e, UriInfo uriInfo) {
        return unauthorized("auth.missing", e, uriInfo);
    }

    @ServerExceptionMapper(priority = 1)
    public Response rejectedToken(AuthenticationFailedException e, UriInfo uriInfo) {
        return unauthorized("auth.rejected", e, uriInfo);
    }

    @ServerExceptionMapper(priority = 1)
    public Response incompleteAuthentication(AuthenticationCompletionException e, UriInfo uriInfo) {
        return unauthorized("auth.incomplete", e, uriInfo);
    }

    /** Post-processed like every problem, so the title and detail are in the language of the request. */
    private static Response unauthorized(String detailKey, Exception cause, UriInfo uriInfo) {
        HttpProblem problem = HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(ProblemTexts.get(detailKey))
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
        return ProblemResponses.of(problem, cause, uriInfo);
    }
}
