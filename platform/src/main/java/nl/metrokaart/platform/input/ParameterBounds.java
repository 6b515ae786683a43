package nl.metrokaart.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.problem.ProblemResponses;
import nl.metrokaart.platform.problem.ProblemTexts;
import nl.metrokaart.platform.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link InputBounds} to the path and every query parameter of every request before it is matched: a
 * control character (a decoded {@code %00}) or an overlong value is a 400 naming the parameter, so none reaches a
 * query, a log line or a header.
 */
public class ParameterBounds {

    /** Longer than any id, code, cursor or filter value this API hands out or accepts. */
    static final int MAX_QUERY_VALUE_LENGTH = 2048;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (InputBounds.hasControlCharactersOrBreaks(request.getUriInfo().getPath())) {
            return refuse(request, "path", "path", InputBounds.controlReason());
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (InputBounds.hasControlCharactersOrBreaks(name) || name.length() > 100) {
                return refuse(request, "query", "query", ProblemTexts.get("query.name"));
            }
            for (String value : parameter.getValue()) {
                if (InputBounds.hasControlCharactersOrBreaks(value)) {
                    return refuse(request, name, "query", InputBounds.controlReason());
                }
                if (value.length() > MAX_QUERY_VALUE_LENGTH) {
                    return refuse(request, name, "query", ProblemTexts.get("query.length", MAX_QUERY_VALUE_LENGTH));
                }
            }
        }
        return null;
    }

    private static Response refuse(ContainerRequestContext request, String name, String in, String reason) {
        return ProblemResponses.of(Problems.invalid(name, in, reason), null, request.getUriInfo());
    }
}
