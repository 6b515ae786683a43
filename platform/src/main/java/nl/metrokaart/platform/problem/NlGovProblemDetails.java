package nl.metrokaart.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.metrokaart.platform.input.InvalidValueException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.language.RequestLanguage;

/**
 * Brings every problem response in line with the NL GOV API Design Rules: {@code status}, {@code title} and
 * {@code detail} are always present, and validation failures list their fields in {@code invalidParams}.
 */
@ApplicationScoped
public class NlGovProblemDetails implements ProblemPostProcessor {

    static final String VIOLATIONS = "violations";
    public static final String INVALID_PARAMS = "invalidParams";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    RequestLanguage requestLanguage;

    @Override
    public int priority() {
        // After the extension's own processors, so that defaults such as the instance are already filled in.
        return 10;
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem.Builder builder = HttpProblem.builder(problem);
        List<Map<String, Object>> invalidParams = invalidParams(problem, context.cause);
        if (!invalidParams.isEmpty() && !problem.getParameters().containsKey(INVALID_PARAMS)) {
            builder.with(INVALID_PARAMS, invalidParams);
        }
        // Jackson's own messages name Java types; clients get the field and a plain reason instead.
        boolean jacksonMessage = context.cause instanceof JsonMappingException && !invalidParams.isEmpty();
        Language language = requestLanguage.get();
        if (problem.getDetail() == null || problem.getDetail().isBlank() || isGeneric(problem) || jacksonMessage) {
            builder.withDetail(detailFor(problem, invalidParams, language));
        }
        // The standard title of the status, in the language of the request (Content-Language says which).
        if (problem.getTitle() == null || Titles.isStandard(problem.getTitle(), problem.getStatusCode())) {
            builder.withTitle(Titles.forStatus(problem.getStatusCode(), language));
        }
        return builder.build();
    }

    /** JAX-RS' own messages ("HTTP 404 Not Found") only repeat the status; say something useful instead. */
    private static boolean isGeneric(HttpProblem problem) {
        return problem.getDetail().startsWith("HTTP " + problem.getStatusCode());
    }

    private List<Map<String, Object>> invalidParams(HttpProblem problem, Throwable cause) {
        List<Map<String, Object>> result = new ArrayList<>();
        Object violations = problem.getParameters().get(VIOLATIONS);
        if (violations instanceof Collection<?> list) {
            for (Object violation : list) {
                Map<?, ?> fields = objectMapper.convertValue(violation, Map.class);
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("type", "https://www.rfc-editor.org/rfc/rfc9457#name-extension-members");
                param.put("name", lastSegment(String.valueOf(fields.get("field"))));
                param.put("reason", String.valueOf(fields.get("message")));
                param.put("in", fields.get("in"));
                result.add(param);
            }
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("type", "https://www.rfc-editor.org/rfc/rfc9457#name-extension-members");
            param.put("name", field);
            param.put("reason", reason(mapping));
            param.put("in", "body");
            result.add(param);
        }
        return result;
    }

    private static String detailFor(HttpProblem problem, List<Map<String, Object>> invalidParams, Language language) {
        if (!invalidParams.isEmpty()) {
            return Titles.invalid(invalidParams.stream()
                    .map(p -> p.get("name") + " " + p.get("reason"))
                    .collect(Collectors.joining("; ")), language);
        }
        return Titles.detailForStatus(problem.getStatusCode(), language);
    }

    /** Bean validation names a field as {@code method.argument.field}; the client only knows the field. */
    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private String reason(JsonMappingException mapping) {
        if (mapping instanceof InvalidValueException bounded) {
            return bounded.reason();
        }
        if (mapping instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            Object value = invalid.getValue();
            if (target != null && target.isEnum()) {
                List<String> accepted = Arrays.stream(target.getEnumConstants()).map(this::jsonValue).toList();
                return ProblemTexts.get("json.oneOf", value, accepted);
            }
            if (target != null && Temporal.class.isAssignableFrom(target)) {
                return ProblemTexts.get(target == LocalDate.class ? "json.date" : "json.dateTime", value);
            }
            boolean number = target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive());
            return ProblemTexts.get(number ? "json.number" : "json.format", value);
        }
        return ProblemTexts.get("json.shape");
    }

    private String jsonValue(Object constant) {
        try {
            return objectMapper.writeValueAsString(constant).replace("\"", "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(constant);
        }
    }
}
