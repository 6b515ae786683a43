package nl.metrokaart.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.arc.Arc;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.language.RequestLanguage;

/** The problems services raise themselves, in the shape the NL GOV API Design Rules ask for. */
public final class Problems {

    private Problems() {
    }

    /** 400 for one invalid parameter, named in {@code invalidParams}; {@code in} is body, query, path or header. */
    public static HttpProblem invalid(String name, String in, String reason) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                .withDetail(Titles.invalid(name + " " + reason, language()))
                .with(NlGovProblemDetails.INVALID_PARAMS, List.of(Map.of("name", name, "in", in, "reason", reason)))
                .build();
    }

    /**
     * 400 for one invalid parameter whose reason is the bundle text {@code reasonKey} (problems_nl / problems_en)
     * in the language of the request, formatted with {@code arguments}.
     */
    public static HttpProblem invalidParameter(String name, String in, String reasonKey, Object... arguments) {
        return invalid(name, in, Titles.reason(reasonKey, language(), arguments));
    }

    /** The language of the current request (Dutch outside one). */
    private static Language language() {
        var container = Arc.container(); // none in plain unit tests
        var requestLanguage = container == null ? null : container.instance(RequestLanguage.class);
        return requestLanguage != null && requestLanguage.isAvailable() ? requestLanguage.get().get() : Language.DEFAULT;
    }

    /** 409 with a detail that says what the request conflicts with. */
    public static HttpProblem.Builder conflict(String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail);
    }
}
