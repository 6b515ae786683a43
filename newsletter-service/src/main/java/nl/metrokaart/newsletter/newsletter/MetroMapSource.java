package nl.metrokaart.newsletter.newsletter;

import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.newsletter.project.KnownProjects;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The programme's metro map as programme-service draws it, read through its public API with this service's own
 * client-credentials token: one renderer, one truth, and no reading of another service's tables. Read when a
 * draft is composed and kept with it, so a published issue shows the map as it was and never depends on
 * programme-service being up when it is sent. When programme-service cannot be reached the draft says so.
 */
@ApplicationScoped
public class MetroMapSource {

    private static final Logger LOG = Logger.getLogger(MetroMapSource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    OidcClient oidc;

    @Inject
    KnownProjects knownProjects;

    @ConfigProperty(name = "metrokaart.programme-service.url")
    String programmeService;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The programme a newsletter shows: the one asked for, else the one most known projects belong to. */
    public Optional<UUID> programmeOf(UUID requested) {
        if (requested != null) {
            return Optional.of(requested);
        }
        Map<UUID, Long> projects = knownProjects.all().stream().filter(p -> p.programmeId != null)
                .collect(Collectors.groupingBy(p -> p.programmeId, Collectors.counting()));
        return projects.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The SVG (without XML prolog, ready to be inlined), or empty when programme-service could not give it. */
    public Optional<String> svg(UUID programmeId, Language language) {
        String url = programmeService.replaceAll("/+$", "") + "/api/v1/programmes/" + programmeId + "/metro-map";
        try {
            String token = oidc.getTokens().await().atMost(TIMEOUT).getAccessToken();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "image/svg+xml").header("Accept-Language", language.tag())
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200 || !response.body().contains("<svg")) {
                LOG.warnf("No metro map for programme %s: programme-service answered %d", programmeId, response.statusCode());
                return Optional.empty();
            }
            String svg = response.body();
            return Optional.of(svg.substring(svg.indexOf("<svg")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warnf("No metro map for programme %s: %s", programmeId, e.toString());
            return Optional.empty();
        }
    }
}
