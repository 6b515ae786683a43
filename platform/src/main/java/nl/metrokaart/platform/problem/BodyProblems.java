package nl.metrokaart.platform.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 400 problem+json for a body of the wrong JSON shape (an array, a bare string or number where an object is
 * expected, a field of the wrong type). Quarkus' own mapper for these answers an empty 400 without a content type;
 * the chassis maps them ahead of it.
 */
public class BodyProblems {

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uriInfo) {
        HttpProblem.Builder problem = HttpProblem.builder().withStatus(400).withTitle("Bad Request");
        if (e.getPath().isEmpty()) {
            String reason = ProblemTexts.get("body.shape");
            problem.withDetail(ProblemTexts.get("body.detail", reason))
                    .with(NlGovProblemDetails.INVALID_PARAMS, List.of(Map.of("name", "body", "in", "body", "reason", reason)));
        }
        return ProblemResponses.of(problem.build(), e, uriInfo);
    }
}
