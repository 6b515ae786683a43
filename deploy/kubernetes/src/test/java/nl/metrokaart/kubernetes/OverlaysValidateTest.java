package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders with kustomize, and every object it renders is valid for the API server. */
class OverlaysValidateTest {

    static final List<String> OVERLAYS = GeneratedManifests.OVERLAYS;
    private static ApiSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new ApiSchemas(Path.of(System.getProperty("metrokaart.crds", "../../../shared/kubernetes/crds")));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectValidatesAgainstTheKubernetesApiOrItsCrd(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertFalse(rendered.objects().isEmpty(), overlay + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (JsonNode object : rendered.objects()) {
            schemas.validate(object).forEach(problem -> problems.add(Rendered.describe(object) + ": " + problem));
        }
        assertEquals(List.of(), problems, overlay + " renders invalid objects");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsNamedOnceAndLivesInTheOverlaysNamespace(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String namespace = rendered.ofKind("Namespace").get(0).path("metadata").path("name").asText();
        Set<String> seen = new HashSet<>();
        for (JsonNode object : rendered.objects()) {
            assertTrue(seen.add(Rendered.describe(object)), "twice: " + Rendered.describe(object));
            if (!"Namespace".equals(object.path("kind").asText())) {
                assertEquals(namespace, object.path("metadata").path("namespace").asText(),
                        Rendered.describe(object) + " namespace");
            }
        }
    }

    @Test
    void theValidatorRefusesWhatTheApiServerWould() {
        JsonNode deployment = Rendered.overlay("dev").get("Deployment", "programme-service").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec").path("template").path("spec")
                .path("containers").get(0)).put("imagePullPolcy", "Always");
        assertFalse(schemas.validate(deployment).isEmpty(), "a misspelt container field must be refused");

        JsonNode topic = Rendered.overlay("dev").ofKind("KafkaTopic").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) topic.path("spec")).put("partitions", 0);
        assertFalse(schemas.validate(topic).isEmpty(), "a KafkaTopic with 0 partitions must be refused");

        JsonNode user = Rendered.overlay("dev").ofKind("KafkaUser").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) user.path("spec")).put("authorisation", "simple");
        assertFalse(schemas.validate(user).isEmpty(), "an unknown KafkaUser field must be refused");
    }
}
