package nl.metrokaart.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.language.RequestLanguage;

/** The problems services raise themselves, in the shape the NL GOV API Design Rules ask for. */
public final class Problems {

    private Problems() {
    }

    /** 400 for one invalid parameter, named in {@code invalidParams}; {@code in} is body, query, path or header. */
    public static HttpProblem invalid(String name, String in, String reason) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                .withDetail(Titles.invalid(name + " " + reason, RequestLanguage.current()))
                .with(NlGovProblemDetails.INVALID_PARAMS, List.of(Map.of("name", name, "in", in, "reason", reason)))
                .build();
    }

    /**
     * 400 for one invalid parameter whose reason is the bundle text {@code reasonKey} (problems_nl / problems_en)
     * in the language of the request, formatted with {@code arguments}.
     */
    public static HttpProblem invalidParameter(String name, String in, String reasonKey, Object... arguments) {
        return invalid(name, in, ProblemTexts.get(reasonKey, arguments));
    }

    /** 409 with a detail that says what the request conflicts with. */
    public static HttpProblem.Builder conflict(String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail);
    }
}
