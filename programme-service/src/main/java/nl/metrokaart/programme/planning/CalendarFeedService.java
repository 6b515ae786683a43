package nl.metrokaart.programme.planning;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.paging.InstantKey;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.text.Text;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.text.RequestTexts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Private calendar addresses: each user manages their own (admins all), someone else's is as absent as one that
 * does not exist. The address's secret key is made here, handed out once, and kept only as a hash.
 */
@ApplicationScoped
public class CalendarFeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecurityIdentity identity;

    @Inject
    PlanningService planning;

    @Inject
    ProgrammeService programmes;

    @Inject
    JsonWebToken token;

    @Inject
    FeedOwners owners;

    /** How long a key works after it was made; then the owner rotates it for a new address. */
    @ConfigProperty(name = "metrokaart.calendar-feeds.key-lifetime", defaultValue = "P90D")
    Duration keyLifetime;

    /** A new feed and its secret key, which the caller gets once. */
    public record Created(CalendarFeed feed, String key) {
    }

    @Transactional
    public Created create(CalendarFeedRequest request) {
        if (programmes.find(request.programmeId()).isEmpty()) {
            throw Problems.invalid("programmeId", "body", RequestTexts.problems().noProgramme());
        }
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.owner = identity.getPrincipal().getName();
        feed.programmeId = request.programmeId();
        feed.horizonDays = request.horizonDays() == null ? PlanningService.DEFAULT_HORIZON_DAYS : request.horizonDays();
        feed.description = Text.strippedOrNull(request.description());
        feed.createdAt = StoredTime.now();
        String key = newKey(feed);
        feed.persist();
        return new Created(feed, key);
    }

    /**
     * A new key for one of the caller's own feeds (not even an admin rotates someone else's: the key goes to whoever
     * asks): the old address stops working at once, the new one works for the full lifetime.
     */
    @Transactional
    public Created rotate(UUID id) {
        CalendarFeed feed = CalendarFeed.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (feed == null || !feed.owner.equals(identity.getPrincipal().getName())) {
            throw notFound(id);
        }
        String key = newKey(feed);
        feed.keyRotatedAt = StoredTime.now();
        return new Created(feed, key);
    }

    /** Sets a fresh key's hash, expiry and the owner's subject on the feed; returns the key, kept nowhere. */
    private String newKey(CalendarFeed feed) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feed.keyHash = hash(key);
        feed.ownerSubject = token.getSubject();
        feed.expiresAt = StoredTime.now().plus(keyLifetime);
        return key;
    }

    /** The caller's feeds (an admin's: everyone's), oldest first, a page at a time. */
    @Transactional
    public Page<CalendarFeedResponse> list(String cursor, int limit) {
        KeysetPaging.Where where = new KeysetPaging.Where().and("owner", isAdmin() ? null : identity.getPrincipal().getName());
        return paging.page(CalendarFeed.class, where, BY_CREATION, cursor, limit, f -> CalendarFeedResponse.of(f, null));
    }

    private static final List<KeysetPaging.SortKey<CalendarFeed>> BY_CREATION = List.of(
            new KeysetPaging.SortKey<>("createdAt", f -> f.createdAt, InstantKey::parseWithinBounds),
            new KeysetPaging.SortKey<>("id", f -> f.id, UUID::fromString));

    @Inject
    KeysetPaging paging;

    @Transactional
    public CalendarFeed get(UUID id) {
        CalendarFeed feed = CalendarFeed.findById(id);
        if (feed == null || !(isAdmin() || feed.owner.equals(identity.getPrincipal().getName()))) {
            throw notFound(id);
        }
        return feed;
    }

    @Transactional
    public void delete(UUID id) {
        get(id).delete();
    }

    /**
     * The planning a feed shows, for whoever holds its key. A wrong or missing key is as absent as an unknown
     * feed, so the answer tells nothing about which feeds exist; so is a feed whose owner is disabled in Keycloak.
     * An expired key is 410: its holder may know that the address once worked. Keycloak is asked outside any
     * transaction, so no database connection waits for it.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Planning calendar(UUID id, String key) {
        CalendarFeed feed = QuarkusTransaction.requiringNew().call(() -> CalendarFeed.<CalendarFeed>findById(id));
        if (feed == null || key == null || !MessageDigest.isEqual(
                feed.keyHash.getBytes(StandardCharsets.US_ASCII), hash(key).getBytes(StandardCharsets.US_ASCII))) {
            throw notFound(id);
        }
        if (!feed.expiresAt.isAfter(Instant.now())) {
            throw HttpProblem.builder().withStatus(Response.Status.GONE).withTitle("Gone")
                    .withDetail(RequestTexts.problems().feedExpired(feed.expiresAt)).build();
        }
        if (!owners.enabled(feed.ownerSubject)) {
            throw notFound(id);
        }
        return QuarkusTransaction.requiringNew().call(() -> planning.planning(feed.programmeId, feed.horizonDays));
    }

    private boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().feedNotFound(id));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
