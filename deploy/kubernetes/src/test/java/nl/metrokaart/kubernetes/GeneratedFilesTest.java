package nl.metrokaart.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The overlays' generated files (gateway configuration, realm import) are what GeneratedManifests renders from
 * deploy/gateway, deploy/keycloak and the overlay's environment.properties. With -Dmetrokaart.generate=true the
 * test writes them instead (README, "Run on Kubernetes").
 */
class GeneratedFilesTest {

    static final java.util.List<String> OVERLAYS = GeneratedManifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void generatedFilesAreInSyncWithTheirSources(String overlay) throws IOException {
        Path root = Rendered.root();
        Path directory = GeneratedManifests.overlayDirectory(root, overlay);
        boolean generate = Boolean.getBoolean("metrokaart.generate");
        for (Map.Entry<String, String> file : GeneratedManifests.render(root, overlay).entrySet()) {
            Path committed = directory.resolve(file.getKey());
            if (generate) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, file.getValue());
            }
            assertEquals(file.getValue(), Files.exists(committed) ? Files.readString(committed) : "<missing>",
                    root.relativize(committed) + " is out of date: regenerate it (README, Run on Kubernetes)");
        }
    }
}
