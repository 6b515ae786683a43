package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The images the overlays run are the ones the build makes and the local stack uses: the services' as Quarkus' Jib
 * names them (parent pom quarkus.container-image.*, the tag set once in base/kustomization.yaml), Keycloak and the
 * Swagger UI at the parent pom's versions.
 */
class ImagesTest {

    static final java.util.List<String> OVERLAYS = GeneratedManifests.OVERLAYS;
    private static final Map<String, String> POM = new HashMap<>();

    @BeforeAll
    static void readParentPom() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Rendered.root().resolve("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("version")) {
                POM.put("project.version", element.getTextContent().strip());
            }
            if (node instanceof Element element && element.getTagName().equals("properties")) {
                for (Node property = element.getFirstChild(); property != null; property = property.getNextSibling()) {
                    if (property instanceof Element p) {
                        POM.put(p.getTagName(), p.getTextContent().strip());
                    }
                }
            }
        }
    }

    private static String pom(String key) {
        String value = POM.get(key);
        if (value == null) {
            throw new AssertionError("parent pom has no " + key);
        }
        return value.equals("${project.version}") ? POM.get("project.version") : value;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesRunTheImagesQuarkusBuildsWithTheTagSetInOnePlace(String overlay) throws IOException {
        assertEquals("false", pom("quarkus.container-image.build"), "./mvnw verify builds no image");
        JsonNode kustomization = Rendered.YAML.readTree(Rendered.kubernetesDirectory().resolve("base/kustomization.yaml").toFile());
        Rendered rendered = Rendered.overlay(overlay);
        for (ServiceConfiguration service : Services.all()) {
            String name = service.require("quarkus.application.name");
            String image = pom("quarkus.container-image.group") + "/" + service.valueOr("quarkus.container-image.name", name);
            JsonNode entry = null;
            for (JsonNode candidate : kustomization.path("images")) {
                if (candidate.path("name").asText().equals(image)) {
                    entry = candidate;
                }
            }
            assertTrue(entry != null, "base/kustomization.yaml images: lists " + image);
            assertEquals(pom("quarkus.container-image.tag"), entry.path("newTag").asText(), image + " tag");
            String expected = entry.path("newName").asText(image) + ":" + pom("quarkus.container-image.tag");
            assertEquals(expected, Services.container(rendered.get("Deployment", name)).path("image").asText(), name + " image");
        }
        assertEquals("quay.io/keycloak/keycloak:" + pom("keycloak.version"),
                rendered.ofKind("Keycloak").get(0).path("spec").path("image").asText(), "Keycloak as locally");
        JsonNode gateway = rendered.get("Deployment", "gateway").path("spec").path("template").path("spec");
        assertTrue(gateway.path("initContainers").get(0).path("image").asText().endsWith("/swagger-ui:v" + pom("swagger-ui.version")),
                "the gateway serves the Swagger UI version the local gateway serves");
    }
}
