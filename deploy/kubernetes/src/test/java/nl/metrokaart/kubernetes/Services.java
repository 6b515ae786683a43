package nl.metrokaart.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suite's services (modules with an application.properties) and what the manifests give each. */
final class Services {

    private Services() {
    }

    static List<ServiceConfiguration> all() {
        return ServiceConfiguration.all(Rendered.root());
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(Rendered.describe(deployment) + " should run one container, not " + containers.size());
        }
        return containers.get(0);
    }

    /**
     * The environment a container gets: its env entries (a value, or "secret:NAME/KEY") and the data of the
     * ConfigMaps it reads with envFrom.
     */
    static Map<String, String> environment(Rendered rendered, JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode configMap = rendered.get("ConfigMap", name);
                configMap.path("data").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError("envFrom other than a ConfigMap: " + from);
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            environment.put(variable.path("name").asText(), secret.isMissingNode()
                    ? variable.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return environment;
    }

    static Optional<JsonNode> port(JsonNode container, JsonNode portReference) {
        for (JsonNode port : container.path("ports")) {
            if (portReference.isInt() ? port.path("containerPort").asInt() == portReference.asInt()
                    : port.path("name").asText().equals(portReference.asText())) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions In/NotIn/Exists) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + expression.path("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }
}
