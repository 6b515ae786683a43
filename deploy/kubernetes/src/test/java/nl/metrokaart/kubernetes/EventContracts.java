package nl.metrokaart.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What each service's AsyncAPI document says it sends and receives, by Kafka topic: every {@code asyncapi.yaml}
 * below a module's {@code src/main/resources}, its operations resolved to their channels' addresses.
 */
public record EventContracts(Path document, String module, String application, Set<String> sends,
                             Set<String> receives) {

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>(sends);
        topics.addAll(receives);
        return topics;
    }

    public static List<EventContracts> all(Path root) {
        List<EventContracts> contracts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(EventContracts::isAsyncApiDocument).sorted().toList()) {
                contracts.add(read(root, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (contracts.isEmpty()) {
            throw new IllegalStateException("No AsyncAPI documents found below " + root);
        }
        return contracts;
    }

    private static boolean isAsyncApiDocument(Path file) {
        String path = file.toString().replace('\\', '/');
        String name = file.getFileName().toString();
        return (name.equals("asyncapi.yaml") || name.equals("asyncapi.yml"))
                && path.contains("/src/main/resources/") && !path.contains("/target/")
                && !path.contains("/node_modules/") && !path.contains("/.git/");
    }

    private static EventContracts read(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String module = relative.substring(0, relative.indexOf("/src/main/resources/"));
        JsonNode document;
        try {
            document = Rendered.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> sends = new TreeSet<>();
        Set<String> receives = new TreeSet<>();
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String reference = operation.path("channel").path("$ref").asText();
            if (!reference.startsWith("#/channels/")) {
                throw new IllegalStateException(relative + " operation " + entry.getKey() + " names no channel");
            }
            JsonNode channel = document.path("channels").path(reference.substring("#/channels/".length()));
            if (channel.isMissingNode()) {
                throw new IllegalStateException(relative + " operation " + entry.getKey() + ": no channel " + reference);
            }
            String topic = channel.path("address").asText(reference.substring("#/channels/".length()));
            switch (operation.path("action").asText()) {
                case "send" -> sends.add(topic);
                case "receive" -> receives.add(topic);
                default -> throw new IllegalStateException(relative + " operation " + entry.getKey()
                        + " has action " + operation.path("action"));
            }
        });
        // Channels without an operation name topics too (a document may describe a topic before using it).
        String application = ServiceConfiguration.of(root, module).require("quarkus.application.name");
        return new EventContracts(file, module, application, sends, receives);
    }

    /** Every channel address of the document, operation or not. */
    public Set<String> channelAddresses() {
        Set<String> addresses = new TreeSet<>();
        try {
            Rendered.YAML.readTree(document.toFile()).path("channels").properties()
                    .forEach(entry -> addresses.add(entry.getValue().path("address").asText(entry.getKey())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return addresses;
    }
}
