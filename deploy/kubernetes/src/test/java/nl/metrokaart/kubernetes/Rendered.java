package nl.metrokaart.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An overlay as {@code kubectl kustomize} renders it: the objects an operator's {@code kubectl apply -k} sends. */
public final class Rendered {

    public static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private final String overlay;
    private final List<JsonNode> objects;

    private Rendered(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    public static Path root() {
        return Path.of(System.getProperty("metrokaart.root", "../..")).toAbsolutePath().normalize();
    }

    public static Path kubernetesDirectory() {
        return root().resolve("deploy/kubernetes");
    }

    /** The overlay rendered by the kubectl that install-kubectl put where the build says (metrokaart.kubectl). */
    public static Rendered overlay(String overlay) {
        return CACHE.computeIfAbsent(overlay, name -> new Rendered(name,
                parse(kustomize(kubernetesDirectory().resolve("overlays").resolve(name)))));
    }

    static String kustomize(Path directory) {
        String kubectl = System.getProperty("metrokaart.kubectl", "kubectl");
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n"
                            + Files.readString(errors));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + kubectl + " (deploy/kubernetes/install-kubectl installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<JsonNode> parse(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    public String name() {
        return overlay;
    }

    public List<JsonNode> objects() {
        return objects;
    }

    public List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    public JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    /** The ConfigMap whose generated name (name-hash) starts with the given name. */
    public JsonNode configMap(String name) {
        return ofKind("ConfigMap").stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name)
                        || o.path("metadata").path("name").asText().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " renders no ConfigMap " + name));
    }

    public static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }
}
