package nl.metrokaart.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.input.InputBounds;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Applies the NL GOV API Design Rules to every service's OpenAPI document at build time, so that no resource
 * has to repeat them: paths relative to the versioned server URL {@code /api/v1}, the {@code API-Version}
 * header on every success response, and {@code application/problem+json} on every error response, including
 * the 400 that every operation with input can answer, the 401 and 403 of every secured operation and the 304 of
 * every conditional GET ({@link nl.metrokaart.platform.conditional.ConditionalGet} tags every JSON GET).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NlGovOpenApiFilter implements OASFilter {

    public static final String BASE_PATH = "/api/v1";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String INVALID_PARAM_SCHEMA = "InvalidParam";
    static final String VERSION_HEADER = "API-Version";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer().url(BASE_PATH)
                .description("This API, relative to the host that serves this document (the gateway).")));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addHeader(VERSION_HEADER, OASFactory.createHeader()
                .description("The full version of the API (semantic versioning).")
                .required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("1.0.0"))));
        components.addSchema(INVALID_PARAM_SCHEMA, invalidParamSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());

        Paths original = openAPI.getPaths();
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(NlGovOpenApiFilter::bound);
        }
        if (original == null) {
            return;
        }
        Paths relative = OASFactory.createPaths();
        Map<String, PathItem> items = new LinkedHashMap<>(original.getPathItems());
        items.forEach((path, item) -> {
            item.getOperations().forEach((method, operation) -> conform(method, operation));
            item.getOperations().values().stream().filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .forEach(parameter -> bound(parameter.getSchema()));
            relative.addPathItem(path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path, item);
        });
        openAPI.setPaths(relative);
    }

    private static void conform(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty())) {
            documentRefusals(operation, responses);
        }
        if (method == PathItem.HttpMethod.GET && answersJson(responses.getAPIResponse("200"))
                && !responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the representation still has the ETag given in If-None-Match."));
        }
        if (operation.getSecurity() != null) {
            // Roles are not OAuth scopes: the requirement names the scheme only, so Swagger UI asks for no scopes.
            operation.setSecurity(operation.getSecurity().stream()
                    .map(requirement -> {
                        SecurityRequirement withoutScopes = OASFactory.createSecurityRequirement();
                        requirement.getSchemes().keySet().forEach(withoutScopes::addScheme);
                        return withoutScopes;
                    })
                    .toList());
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        if (hasInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("Invalid input: the problem lists the offending fields in invalidParams."));
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse().description("Unexpected error."));
        }
        responses.getAPIResponses().forEach((code, response) -> conform(code, response));
    }

    /**
     * 401 and 403 of a secured operation; the roles come from the requirement's scopes, which Quarkus fills from
     * {@code @RolesAllowed}. A 403 a resource describes itself (e.g. a coordinator's own municipality) is kept.
     */
    private static void documentRefusals(Operation operation, APIResponses responses) {
        List<String> roles = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(java.util.Objects::nonNull)
                .flatMap(List::stream)
                .distinct()
                .toList();
        if (!responses.hasAPIResponse("401") || QUARKUS_401.equals(responses.getAPIResponse("401").getDescription())) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("No valid bearer token: none was sent, or it is expired, malformed or not meant for this service."));
        }
        if (!responses.hasAPIResponse("403") || QUARKUS_403.equals(responses.getAPIResponse("403").getDescription())) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description(roles.isEmpty()
                    ? "The token lacks the role this operation needs."
                    : "The token has none of the roles " + String.join(", ", roles) + "."));
        }
    }

    /** The descriptions Quarkus gives the 401 and 403 it adds by itself. */
    private static final String QUARKUS_401 = "Not Authorized";
    private static final String QUARKUS_403 = "Not Allowed";

    private static boolean answersJson(APIResponse ok) {
        return ok != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().keySet().stream().anyMatch(type -> type.startsWith("application/json"));
    }

    private static void conform(String code, APIResponse response) {
        if (response.getRef() != null || code.length() != 3) {
            return;
        }
        char kind = code.charAt(0);
        if (kind == '2' || kind == '3') {
            Map<String, Header> headers = response.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(response.getHeaders());
            headers.putIfAbsent(VERSION_HEADER, OASFactory.createHeader().ref(VERSION_HEADER));
            response.setHeaders(headers);
        } else if (kind == '4' || kind == '5') {
            Content content = OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
            response.setContent(content);
        }
    }

    /**
     * Documents the {@link InputBounds} the chassis applies to every date and date-time: the range in the
     * description and as a pattern on the year (string schemas have no minimum or maximum).
     */
    private static void bound(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) && schema.getPattern() == null) {
            schema.setPattern(YEAR_PATTERN + ("date".equals(schema.getFormat()) ? "-\\d{2}-\\d{2}$" : "-\\d{2}-\\d{2}T.+$"));
            String range = "From " + InputBounds.MIN_DATE + " to " + InputBounds.MAX_DATE + ".";
            schema.setDescription(schema.getDescription() == null ? range
                    : schema.getDescription().contains(range) ? schema.getDescription() : schema.getDescription() + " " + range);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(NlGovOpenApiFilter::bound);
        }
        bound(schema.getItems());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(NlGovOpenApiFilter::bound);
        }
    }

    /** Years 1900 to 2199, the range of {@link InputBounds}. */
    private static final String YEAR_PATTERN = "^(19|20|21)\\d{2}";

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Problem details (RFC 9457), as the NL GOV API Design Rules require for every error.")
                .required(List.of("status", "title", "detail"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Identifies the kind of problem."))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Short, human-readable summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Human-readable explanation of this occurrence of the problem."))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("The request path this problem occurred on."))
                .addProperty("invalidParams", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(INVALID_PARAM_SCHEMA))
                        .description("For validation problems: each invalid parameter with the reason."));
    }

    private static Schema invalidParamSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("name", "reason"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The parameter or body field, e.g. name or period.start."))
                .addProperty("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("in", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Where the parameter was: body, query, path or header."));
    }
}
