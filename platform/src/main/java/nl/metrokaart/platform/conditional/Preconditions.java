package nl.metrokaart.platform.conditional;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;

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
                    .withDetail("Send If-Match with the ETag of the resource you read, so no change is lost.")
                    .build();
        }
        // "*" matches any version, so it would sidestep the lost-update rule: an update names the version it read.
        if (Arrays.stream(ifMatch.split(",")).anyMatch(tag -> tag.strip().equals("*"))) {
            throw HttpProblem.builder().withStatus(428).withTitle("Precondition Required")
                    .withDetail("If-Match: * is not accepted on a change of an existing resource: a real ETag is "
                            + "needed. Send If-Match with the ETag of the resource you read, so no change is lost.")
                    .build();
        }
        String current = entityTags.of(currentRepresentation);
        if (!EntityTags.matches(ifMatch, current)) {
            throw HttpProblem.builder().withStatus(412).withTitle("Precondition Failed")
                    .withDetail("The resource has changed since you read it (current ETag " + current
                            + "); read it again and reapply your change.")
                    .withHeader("ETag", current)
                    .build();
        }
    }
}
