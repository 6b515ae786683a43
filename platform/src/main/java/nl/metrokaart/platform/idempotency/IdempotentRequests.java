package nl.metrokaart.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import nl.metrokaart.platform.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import nl.metrokaart.platform.problem.ProblemTexts;

/**
 * Idempotency-Key on POST: the first request with a key runs and its successful answer is stored in the same
 * transaction as the change itself; a repeat with the same key, target and body gets the stored answer and
 * creates nothing; the same key with another body, or for another resource (e.g. the same body posted to another
 * municipality's collection), is refused with 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest currentRequest;

    @ConfigProperty(name = "metrokaart.idempotency.retention", defaultValue = "P1D")
    Duration retention;

    /**
     * Runs {@code action} once per client and key. Without a key the action simply runs.
     *
     * @param request the request body as received, compared with the first request's
     * @param responseType the entity type of the answer, to replay it as the same type
     */
    @Transactional
    public <T> RestResponse<T> once(String key, Object request, Class<T> responseType, Supplier<RestResponse<T>> action) {
        return once(key, request, responseType, UnaryOperator.identity(), action);
    }

    /**
     * As {@link #once(String, Object, Class, Supplier)}, for an answer that holds a secret shown once: what is
     * stored, and replayed, is {@code storedAs} of the answer, which leaves the secret out (and may say so).
     */
    @Transactional
    public <T> RestResponse<T> once(String key, Object request, Class<T> responseType, UnaryOperator<T> storedAs,
            Supplier<RestResponse<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Problems.invalid(HEADER, "header", ProblemTexts.get("idempotency.key"));
        }
        String scope = scope();
        // Requests with the same key wait for each other instead of both running.
        AdvisoryLocks.lock(entityManager, scope + "\n" + key);

        String requestHash = hash(target() + "\n" + json(request));
        IdempotencyRecord previous = entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope, key));
        if (previous != null) {
            if (!previous.requestHash.equals(requestHash)) {
                throw differentRequest(key);
            }
            return replay(previous, responseType);
        }

        RestResponse<T> response = action.get();
        if (response.getStatus() / 100 == 2) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.scope = scope;
            record.idempotencyKey = key;
            record.requestHash = requestHash;
            record.status = response.getStatus();
            record.location = response.getLocation() == null ? null : response.getLocation().toString();
            record.body = json(storedAs.apply(response.getEntity()));
            record.createdAt = Instant.now();
            entityManager.persist(record);
        }
        return response;
    }

    /**
     * As {@link #once(String, Object, Class, UnaryOperator, Supplier)}, for an action with a slow step that must hold
     * no database connection or lock (e.g. an outbound call that verifies a callback URL): {@code outsideTransaction}
     * runs with no transaction, after a short look-up answered a repeat from the stored answer, and {@code action}
     * then runs with what it prepared in the transaction that takes the key's lock and stores the answer (a
     * concurrent request with the same key that finished meanwhile is replayed instead, its preparation unused).
     */
    @Transactional(Transactional.TxType.NEVER)
    public <P, T> RestResponse<T> onceAfter(String key, Object request, Class<T> responseType, UnaryOperator<T> storedAs,
            Supplier<P> outsideTransaction, Function<P, RestResponse<T>> action) {
        if (key != null) {
            if (!VALID_KEY.matcher(key).matches()) {
                throw Problems.invalid(HEADER, "header", ProblemTexts.get("idempotency.key"));
            }
            Optional<RestResponse<T>> earlier = QuarkusTransaction.requiringNew().call(() -> earlier(key, request, responseType));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        P prepared = outsideTransaction.get();
        return QuarkusTransaction.requiringNew().call(
                () -> once(key, request, responseType, storedAs, () -> action.apply(prepared)));
    }

    /** The stored answer of an earlier request with this key (422 if that was another request), without locking. */
    private <T> Optional<RestResponse<T>> earlier(String key, Object request, Class<T> responseType) {
        IdempotencyRecord previous = entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope(), key));
        if (previous == null) {
            return Optional.empty();
        }
        if (!previous.requestHash.equals(hash(target() + "\n" + json(request)))) {
            throw differentRequest(key);
        }
        return Optional.of(replay(previous, responseType));
    }

    private String scope() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static HttpProblem differentRequest(String key) {
        return HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                .withDetail(ProblemTexts.get("idempotency.different", key))
                .build();
    }

    private <T> RestResponse<T> replay(IdempotencyRecord previous, Class<T> responseType) {
        try {
            RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.<T>create(previous.status)
                    .entity(objectMapper.readValue(previous.body, responseType))
                    .header(REPLAYED_HEADER, "true");
            if (previous.location != null) {
                builder.location(URI.create(previous.location));
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent answer cannot be read back", e);
        }
    }

    /** Keys are kept long enough for any retry, not forever. */
    @Scheduled(every = "1h", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void expire() {
        entityManager.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
                .setParameter("before", Instant.now().minus(retention)).executeUpdate();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer cannot be stored for Idempotency-Key replay", e);
        }
    }

    /** Method and path of the request being handled: a key answers for one request to one resource. */
    private String target() {
        RoutingContext routing = currentRequest.getCurrent();
        return routing == null ? "" : routing.request().method().name() + " " + routing.request().path();
    }

    private static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
