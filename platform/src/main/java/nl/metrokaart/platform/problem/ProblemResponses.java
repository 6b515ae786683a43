package nl.metrokaart.platform.problem;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The response for a problem the chassis' own mappers and filters raise, post-processed like the extension's
 * (NL GOV fields, instance, logging of 5xx), so that every refusal has one shape.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(HttpProblem problem, Throwable cause, UriInfo uriInfo) {
        return ExceptionMapperBase.postProcessorsRegistry
                .applyPostProcessing(problem, ProblemContext.of(cause, uriInfo))
                .toResponse();
    }
}
