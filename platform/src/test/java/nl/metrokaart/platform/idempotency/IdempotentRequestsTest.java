package nl.metrokaart.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.metrokaart.platform.problem.NlGovProblemDetails;
import nl.metrokaart.platform.testsupport.Exchange;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key rules: the first request runs and its answer is kept; a repeat by the same client to the same
 * resource with the same body gets that answer without running; another body or resource with the key is 422.
 * The table lives in a map here (its rows are PostgreSQL's in the services).
 */
class IdempotentRequestsTest {

    record Created(String id, String secret) {
    }

    private final Map<IdempotencyRecord.Key, IdempotencyRecord> table = new HashMap<>();
    private final List<String> locks = new java.util.ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void withoutAKeyEveryRequestRuns() {
        IdempotentRequests requests = as("alice", "POST", "/api/v1/things");
        requests.once(null, "body", Created.class, this::create);
        requests.once(null, "body", Created.class, this::create);
        assertEquals(2, runs.get());
        assertEquals(Map.of(), table);
    }

    @Test
    void aRepeatGetsTheFirstAnswerAndRunsNothing() {
        IdempotentRequests requests = as("alice", "POST", "/api/v1/things");
        RestResponse<Created> first = requests.once("key-1", Map.of("name", "a"), Created.class, this::create);
        RestResponse<Created> repeat = requests.once("key-1", Map.of("name", "a"), Created.class, this::create);
        assertEquals(1, runs.get());
        assertEquals(201, repeat.getStatus());
        assertEquals(first.getEntity(), repeat.getEntity());
        assertEquals(URI.create("/api/v1/things/1"), repeat.getLocation());
        assertEquals("true", repeat.getHeaderString(IdempotentRequests.REPLAYED_HEADER));
        assertNull(first.getHeaderString(IdempotentRequests.REPLAYED_HEADER));
        assertEquals(List.of("alice\nkey-1", "alice\nkey-1"), locks, "repeats wait for each other under the key's lock");
    }

    @Test
    void theKeyWithAnotherBodyOrForAnotherResourceIs422() {
        as("alice", "POST", "/api/v1/municipalities/GM0610/participations").once("key-2", Map.of("name", "a"),
                Created.class, this::create);
        HttpProblem otherBody = assertThrows(HttpProblem.class, () -> as("alice", "POST",
                "/api/v1/municipalities/GM0610/participations").once("key-2", Map.of("name", "b"), Created.class, this::create));
        assertEquals(422, otherBody.getStatusCode());
        HttpProblem otherResource = assertThrows(HttpProblem.class, () -> as("alice", "POST",
                "/api/v1/municipalities/GM0611/participations").once("key-2", Map.of("name", "a"), Created.class, this::create));
        assertEquals(422, otherResource.getStatusCode());
        assertEquals(1, runs.get());
    }

    @Test
    void keysAreEachClientsOwn() {
        as("alice", "POST", "/api/v1/things").once("shared", "body", Created.class, this::create);
        as("bob", "POST", "/api/v1/things").once("shared", "body", Created.class, this::create);
        assertEquals(2, runs.get());
        assertEquals(2, table.size());
    }

    @Test
    void aRefusedAnswerIsNotKeptSoTheRetryRunsAgain() {
        IdempotentRequests requests = as("alice", "POST", "/api/v1/things");
        requests.once("key-3", "body", Created.class, () -> {
            runs.incrementAndGet();
            return RestResponse.status(RestResponse.Status.CONFLICT);
        });
        requests.once("key-3", "body", Created.class, this::create);
        assertEquals(2, runs.get());
        assertEquals(201, table.values().iterator().next().status);
    }

    @Test
    void aSecretShownOnceIsNotKeptNorReplayed() {
        IdempotentRequests requests = as("alice", "POST", "/api/v1/things");
        RestResponse<Created> first = requests.once("key-4", "body", Created.class,
                answer -> new Created(answer.id(), null), this::create);
        RestResponse<Created> repeat = requests.once("key-4", "body", Created.class,
                answer -> new Created(answer.id(), null), this::create);
        assertEquals("s3cret", first.getEntity().secret());
        assertEquals(new Created("1", null), repeat.getEntity());
        assertEquals(false, table.values().iterator().next().body.contains("s3cret"));
    }

    @Test
    void aKeyOfInvisibleOrTooManyCharactersIs400NamingTheHeader() {
        IdempotentRequests requests = as("alice", "POST", "/api/v1/things");
        for (String key : new String[] {"", "with space", "tab\t", "é", "k".repeat(256)}) {
            HttpProblem refused = assertThrows(HttpProblem.class, () -> requests.once(key, "body", Created.class, this::create));
            assertEquals(400, refused.getStatusCode());
            assertEquals(List.of(Map.of("name", IdempotentRequests.HEADER, "in", "header",
                    "reason", "moet uit 1 tot 255 zichtbare ASCII-tekens bestaan")),
                    refused.getParameters().get(NlGovProblemDetails.INVALID_PARAMS));
        }
        requests.once("k".repeat(255), "body", Created.class, this::create);
        requests.once("~!#$%&'*+-.^_`|", "body", Created.class, this::create);
        assertEquals(2, runs.get());
    }

    private RestResponse<Created> create() {
        runs.incrementAndGet();
        return RestResponse.ResponseBuilder.<Created>created(URI.create("/api/v1/things/1"))
                .entity(new Created("1", "s3cret")).build();
    }

    /** The platform's idempotency for a request of {@code client} to {@code path}. */
    private IdempotentRequests as(String client, String method, String path) {
        IdempotentRequests requests = new IdempotentRequests();
        requests.objectMapper = new ObjectMapper();
        requests.entityManager = entityManager();
        requests.identity = (SecurityIdentity) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityIdentity.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isAnonymous" -> false;
                    case "getPrincipal" -> (Principal) () -> client;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        requests.currentRequest = new CurrentVertxRequest().setCurrent(new Exchange().to(method, path).routingContext());
        return requests;
    }

    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "createNativeQuery" -> lockQuery();
                    case "find" -> table.get((IdempotencyRecord.Key) args[1]);
                    case "persist" -> {
                        IdempotencyRecord stored = (IdempotencyRecord) args[0];
                        yield table.put(new IdempotencyRecord.Key(stored.scope, stored.idempotencyKey), stored);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private Query lockQuery() {
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "setParameter" -> {
                        locks.add(String.valueOf(args[1]));
                        yield proxy;
                    }
                    case "getSingleResult" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
