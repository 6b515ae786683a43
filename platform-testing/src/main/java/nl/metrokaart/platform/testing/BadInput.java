package nl.metrokaart.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bad requests generated from an OpenAPI document: for every operation, malformed and wrongly typed bodies, bodies
 * missing their required fields, each field past its declared bounds, oversized, with control characters, an
 * unknown enum value or a far date, invalid and traversal ids in the path, and query values that must not reach
 * SQL. {@link #run} sends them all to a running service or gateway and lists every answer that is not the refusal it
 * must be (4xx {@code application/problem+json}, never 5xx).
 */
public final class BadInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BODY_METHODS = List.of("post", "put", "patch");
    private static final String NUL = "\u0000";

    /** One generated request and what its answer must be. */
    public record Probe(String method, String path, String contentType, String accept, String body, Expect expect,
                        String what) {
    }

    /** Refused (4xx problem+json), or at least not failed (not 5xx; problem+json when 4xx). */
    public enum Expect { REFUSED, NOT_FAILED }

    private final Map<String, Object> document;
    private final Map<String, Object> schemas;
    private final Function<String, String> pathValues;

    /**
     * @param document   the parsed OpenAPI document
     * @param pathValues a valid value for a path parameter name (e.g. an id that exists), so bodies reach the
     *                   service's own rules; null for a made-up one
     */
    @SuppressWarnings("unchecked")
    public BadInput(Map<String, Object> document, Function<String, String> pathValues) {
        this.document = document;
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        this.schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        this.pathValues = pathValues;
    }

    /** Every probe of every operation, paths relative to the document's server URL. */
    @SuppressWarnings("unchecked")
    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            probes.addAll(probes(path, method.toUpperCase(), (Map<String, Object>) operation));
        }));
        return probes;
    }

    @SuppressWarnings("unchecked")
    private List<Probe> probes(String path, String method, Map<String, Object> operation) {
        List<Probe> probes = new ArrayList<>();
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        String url = fill(path, null, null);
        Map<String, Object> bodySchema = bodySchema(operation);
        String validBody = bodySchema == null ? null : write(sample(bodySchema, 0));
        String json = bodySchema == null ? null : "application/json";

        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            if ("path".equals(parameter.get("in"))) {
                for (String bad : List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "%00", "not%20an%20id",
                        "x".repeat(300), "GM0610%0d%0aX-Injected:%20yes")) {
                    probes.add(new Probe(method, fill(path, name, bad), json, null, validBody, Expect.REFUSED, "path " + name + "=" + bad));
                }
            } else if ("query".equals(parameter.get("in"))) {
                String separator = url.contains("?") ? "&" : "?";
                for (String bad : List.of("%00", "a%00b", "x".repeat(3000))) {
                    probes.add(new Probe(method, url + separator + name + "=" + bad, json, null, validBody, Expect.REFUSED,
                            "query " + name + "=" + abbreviate(bad)));
                }
                Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"));
                List<String> odd = new ArrayList<>(List.of("-1", "99999999999999999999", "%27%3B%20DROP%20TABLE%20x%3B--", "%F0%9F%98%80", "%FF"));
                Expect expect = Expect.NOT_FAILED;
                if (schema != null && ("date".equals(schema.get("format")) || "date-time".equals(schema.get("format")))) {
                    odd = List.of("%2B5000000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "yesterday");
                    expect = Expect.REFUSED;
                }
                for (String bad : odd) {
                    probes.add(new Probe(method, url + separator + name + "=" + bad, json, null, validBody, expect, "query " + name + "=" + bad));
                }
            }
        }
        if ("GET".equals(method)) {
            probes.add(new Probe(method, url, null, "application/xml", null, Expect.REFUSED, "Accept: application/xml"));
        }
        if (bodySchema == null) {
            return probes;
        }
        for (String body : List.of("", "{", "{\"a\": ", "[]", "[{}]", "\"text\"", "42", "true", "null",
                "[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200),
                "{\"a\": \"\\ud800\"}", "\u00ff\u00fe{}")) {
            probes.add(new Probe(method, url, json, null, body, Expect.REFUSED, "body " + abbreviate(body)));
        }
        probes.add(new Probe(method, url, "text/plain", null, validBody, Expect.REFUSED, "Content-Type: text/plain"));
        probes.add(new Probe(method, url, "application/xml", null, "<a/>", Expect.REFUSED, "Content-Type: application/xml"));
        if (bodySchema.get("required") instanceof List<?> required && !required.isEmpty()) {
            probes.add(new Probe(method, url, json, null, "{}", Expect.REFUSED, "body without required fields"));
        }
        Map<String, Object> properties = properties(bodySchema);
        Map<String, Object> valid = sample(bodySchema, 0) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        properties.forEach((field, fieldSchema) -> {
            for (Object bad : badValues(resolve((Map<String, Object>) fieldSchema))) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field, bad);
                probes.add(new Probe(method, url, json, null, write(body), Expect.REFUSED, field + "=" + abbreviate(String.valueOf(bad))));
            }
        });
        return probes;
    }

    /** Values no declared field may take: the wrong JSON type, past its bounds, control characters, far dates. */
    @SuppressWarnings("unchecked")
    private List<Object> badValues(Map<String, Object> schema) {
        List<Object> bad = new ArrayList<>();
        if (schema == null) {
            return bad;
        }
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.add(Map.of("nested", "object"));
                bad.add(List.of("a", "b"));
                bad.add("text with NUL " + NUL + " inside");
                bad.add("bell \u0007 and escape \u001b");
                Number max = (Number) schema.get("maxLength");
                bad.add("x".repeat(max == null ? 100_001 : max.intValue() + 1));
                if (schema.get("enum") instanceof List<?>) {
                    bad.add("no-such-value");
                }
                if ("date".equals(schema.get("format"))) {
                    bad.addAll(List.of("+50000-01-01", "+5000000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "2026-02-30", "2026-13-01"));
                } else if ("date-time".equals(schema.get("format"))) {
                    bad.addAll(List.of("+50000-01-01T10:00:00Z", "0001-01-01T00:00:00Z", "2200-01-01T12:00:00+01:00", "2026-01-01T25:00:00Z"));
                } else if ("uuid".equals(schema.get("format"))) {
                    bad.addAll(List.of("not-a-uuid", "../../etc/passwd", "00000000-0000-0000-0000-00000000000g"));
                }
            }
            case "integer", "number" -> {
                bad.add("twelve");
                bad.add(Map.of());
                bad.add(new java.math.BigDecimal("1e400"));
                bad.add(new java.math.BigDecimal("-1e400"));
                bad.add(new java.math.BigInteger("99999999999999999999999999999999"));
                if (schema.get("minimum") instanceof Number min) {
                    bad.add(new java.math.BigDecimal(min.toString()).subtract(java.math.BigDecimal.ONE));
                }
                if (schema.get("maximum") instanceof Number max) {
                    bad.add(new java.math.BigDecimal(max.toString()).add(java.math.BigDecimal.ONE));
                }
                if ("integer".equals(type)) {
                    bad.add(1.5);
                }
            }
            case "boolean" -> {
                bad.add("yes");
                bad.add(List.of(true));
            }
            case "array" -> {
                bad.add("not an array");
                bad.add(Map.of("a", 1));
                Map<String, Object> items = resolve((Map<String, Object>) schema.get("items"));
                if (items != null && "string".equals(type(items))) {
                    bad.add(List.of("NUL " + NUL));
                }
                bad.add(java.util.Collections.nCopies(schema.get("maxItems") instanceof Number n ? n.intValue() + 1 : 10_001,
                        sample(items, 1)));
            }
            case "object" -> {
                bad.add("not an object");
                bad.add(List.of(1, 2));
                Map<String, Object> nested = properties(schema);
                Map<String, Object> sample = sample(schema, 1) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
                nested.forEach((field, fieldSchema) -> {
                    for (Object value : badValues(resolve((Map<String, Object>) fieldSchema))) {
                        Map<String, Object> mutated = new LinkedHashMap<>(sample);
                        mutated.put(field, value);
                        bad.add(mutated);
                    }
                });
            }
            default -> {
            }
        }
        return bad;
    }

    /** A plausible value for a schema: examples, enum values or defaults first, else something of the right type. */
    @SuppressWarnings("unchecked")
    private Object sample(Map<String, Object> schema, int depth) {
        schema = resolve(schema);
        if (schema == null || depth > 4) {
            return null;
        }
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (type(schema)) {
            case "string" -> switch (String.valueOf(schema.get("format"))) {
                case "date" -> "2010-06-30";
                case "date-time" -> "2010-06-30T10:00:00+02:00";
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "someone@example.nl";
                case "uri", "url" -> "https://example.nl/hook";
                default -> "Example";
            };
            case "integer" -> schema.get("minimum") instanceof Number min ? min : 1;
            case "number" -> schema.get("minimum") instanceof Number min ? min : 1;
            case "boolean" -> false;
            case "array" -> List.of();
            default -> {
                Map<String, Object> value = new LinkedHashMap<>();
                properties(schema).forEach((field, fieldSchema) -> value.put(field, sample((Map<String, Object>) fieldSchema, depth + 1)));
                yield value;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodySchema(Map<String, Object> operation) {
        if (!(operation.get("requestBody") instanceof Map<?, ?> requestBody)
                || !(requestBody.get("content") instanceof Map<?, ?> content)
                || !(content.get("application/json") instanceof Map<?, ?> media)) {
            return null;
        }
        Map<String, Object> schema = resolve((Map<String, Object>) media.get("schema"));
        return schema == null ? Map.of("type", "object") : schema;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(Map<String, Object> schema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> properties.putAll(properties(resolve((Map<String, Object>) part))));
        }
        if (schema.get("properties") instanceof Map<?, ?> own) {
            properties.putAll((Map<String, Object>) own);
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        for (int i = 0; schema != null && schema.get("$ref") instanceof String ref && i < 10; i++) {
            schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().filter(t -> !"null".equals(t)).map(Object::toString).findFirst().orElse("object");
        }
        if (type == null) {
            return schema.containsKey("properties") || schema.containsKey("allOf") ? "object" : "unknown";
        }
        return String.valueOf(type);
    }

    private String fill(String path, String badName, String badValue) {
        StringBuilder filled = new StringBuilder();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(badName) ? badValue : Objects.requireNonNullElseGet(pathValues.apply(name),
                    () -> name.endsWith("Code") ? "GM9999" : UUID.randomUUID().toString());
            matcher.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replace(NUL, "\\u0000");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "… (" + text.length() + " chars)";
    }

    /**
     * Sends every probe to {@code base} (e.g. {@code http://localhost:8081/api/v1}) with the given bearer token and
     * returns a line per answer that breaks its expectation; {@code apiVersion} answers must carry API-Version.
     */
    public static List<String> run(List<Probe> probes, String base, String token, boolean apiVersion) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(probe.body()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (probe.contentType() != null && probe.body() != null) {
                request.header("Content-Type", probe.contentType());
            }
            if (probe.accept() != null) {
                request.header("Accept", probe.accept());
            }
            if (probe.method().equals("PUT") || probe.method().equals("DELETE") || probe.path().endsWith("/publication")
                    || probe.path().endsWith("/cancellation")) {
                request.header("If-Match", "\"bad-input-probe\"");
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures.add(probe.method() + " " + probe.path() + " (" + probe.what() + "): no answer: " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean problem = type.startsWith("application/problem+json") && response.body().contains("\"status\":" + status)
                    || type.startsWith("application/problem+json") && response.body().contains("\"status\": " + status);
            boolean ok = switch (probe.expect()) {
                case REFUSED -> status >= 400 && status < 500 && problem;
                case NOT_FAILED -> status < 400 || (status < 500 && problem);
            };
            if (ok && apiVersion && response.headers().firstValue("API-Version").isEmpty()) {
                ok = false;
            }
            if (!ok) {
                failures.add(probe.method() + " " + probe.path().substring(0, Math.min(120, probe.path().length())) + " ("
                        + probe.what() + "): " + status + " " + type + " " + abbreviate(response.body()));
            }
        }
        return failures;
    }
}
