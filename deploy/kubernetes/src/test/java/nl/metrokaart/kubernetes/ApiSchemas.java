package nl.metrokaart.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Offline validation of rendered objects, as strict as the API server's {@code --validate=strict}: core objects
 * against the Kubernetes API models of the official Java client (generated from the Kubernetes OpenAPI document;
 * unknown fields, missing required fields and wrong JSON types are errors), custom resources against the
 * {@code openAPIV3Schema} of the CRDs vendored in ../shared/kubernetes/crds, with unknown fields refused wherever
 * the schema does not preserve them (as the API server's strict field validation does).
 */
public final class ApiSchemas {

    /** The core kinds the manifests may use: apiVersion/kind to the client's model class. */
    private static final Map<String, String> CORE = Map.ofEntries(
            Map.entry("v1/Namespace", "V1Namespace"),
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"));
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private final Map<String, Schema> customResources = new HashMap<>();

    public ApiSchemas(Path crdDirectory) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        try (Stream<Path> files = Files.list(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode crd : Rendered.parse(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean()) {
                            continue;
                        }
                        ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                        // The API server accepts these on every object, whether the CRD's schema lists them or not.
                        ObjectNode properties = schema.with("properties");
                        properties.putIfAbsent("apiVersion", schema.objectNode().put("type", "string"));
                        properties.putIfAbsent("kind", schema.objectNode().put("type", "string"));
                        properties.putIfAbsent("metadata", schema.objectNode().put("type", "object"));
                        strict(schema);
                        customResources.put(group + "/" + version.path("name").asText() + "/" + kind,
                                registry.getSchema(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CRDs in " + crdDirectory, e);
        }
        if (customResources.isEmpty()) {
            throw new IllegalStateException("No CRDs found in " + crdDirectory);
        }
    }

    public boolean isCustomResource(JsonNode object) {
        return customResources.containsKey(key(object));
    }

    /** The problems of one object; empty when it is valid. */
    public List<String> validate(JsonNode object) {
        String key = key(object);
        List<String> problems = new ArrayList<>();
        String modelClass = CORE.get(key);
        if (modelClass != null) {
            validateModel(modelClass, object, problems);
        } else if (customResources.containsKey(key)) {
            for (Error error : customResources.get(key).validate(object)) {
                problems.add(error.toString());
            }
            // A CRD schema leaves metadata open; the API server checks it as ObjectMeta.
            validateModel("V1ObjectMeta", object.path("metadata"), problems);
        } else {
            problems.add("unknown kind " + key + " (neither a core kind of the manifests nor a vendored CRD)");
        }
        return problems;
    }

    private static void validateModel(String modelClass, JsonNode object, List<String> problems) {
        try {
            Method validate = Class.forName(MODELS + modelClass).getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, JsonParser.parseString(object.toString()));
        } catch (InvocationTargetException e) {
            problems.add(modelClass + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No model " + modelClass + " in the Kubernetes client", e);
        }
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** Objects that list their properties and do not preserve unknown fields refuse fields they do not list. */
    static JsonNode strict(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode node = (ObjectNode) schema;
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(ApiSchemas::strict);
        strict(node.path("items"));
        strict(node.path("additionalProperties"));
        strict(node.path("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(ApiSchemas::strict);
        }
        return schema;
    }
}
