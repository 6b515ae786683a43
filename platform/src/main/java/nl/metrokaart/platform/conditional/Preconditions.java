package nl.metrokaart.platform.conditional;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * Optimistic locking for integrators: a change must name, in If-Match, the ETag of the representation it was
 * based on ({@code *} is refused: it would match any version). Call inside the transaction that holds the row
 * lock, with the current representation.
 */
@ApplicationScoped
public class Preconditions {

    @Inject
    EntityTags entityTags;

    public void requireMatch(String ifMatch, Object currentRepresentation) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw HttpProblem.builder().withStatus(428).withTitle("Precondition Required")
                    .withDetail(ProblemTexts.get("precondition.required"))
                    .build();
        }
        // "*" matches any version, so it would sidestep the lost-update rule: an update names the version it read.
        if (Arrays.stream(ifMatch.split(",")).anyMatch(tag -> tag.strip().equals("*"))) {
            throw HttpProblem.builder().withStatus(428).withTitle("Precondition Required")
                    .withDetail(ProblemTexts.get("precondition.wildcard"))
                    .build();
        }
        String current = entityTags.of(currentRepresentation);
        if (!EntityTags.matches(ifMatch, current)) {
            throw HttpProblem.builder().withStatus(412).withTitle("Precondition Failed")
                    .withDetail(ProblemTexts.get("precondition.failed", current))
                    .withHeader("ETag", current)
                    .build();
        }
    }
}
