package nl.metrokaart.newsletter.subscription;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.metrokaart.newsletter.activity.ActivityService;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.persistence.AdvisoryLocks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.InstantKey;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.security.Roles;

/**
 * The rules of subscriptions. A person manages the subscriptions they created (owner = their token's subject);
 * admins manage all. A subscription to any address but the caller's own waits for the address owner's consent
 * (double opt-in), and one person holds a limited number of subscriptions. Someone else's subscription answers 404, exactly like one that does not exist, so that ids
 * and addresses of others do not leak.
 */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    SecurityIdentity identity;

    @Inject
    Preconditions preconditions;

    @Inject
    EntityManager entityManager;

    @Inject
    MailQueue mail;

    @Inject
    ActivityService activities;

    @Inject
    SubscriberMail letters;

    /** How many subscriptions one person may hold, and how many of them may wait for confirmation at once. */
    @ConfigProperty(name = "metrokaart.subscriptions.max-per-owner", defaultValue = "10")
    int maxPerOwner;

    @ConfigProperty(name = "metrokaart.subscriptions.max-pending-per-owner", defaultValue = "3")
    int maxPendingPerOwner;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The caller's subscriptions (admins: everyone's), by creation, a page at a time. */
    public Page<SubscriptionResponse> list(String cursor, int limit) {
        return paging.page(Subscription.class, new KeysetPaging.Where().and("owner", isAdmin() ? null : caller()),
                BY_CREATION, cursor, limit, SubscriptionResponse::of);
    }

    private static final List<KeysetPaging.SortKey<Subscription>> BY_CREATION = List.of(
            new KeysetPaging.SortKey<>("createdAt", s -> s.createdAt, InstantKey::parseWithinBounds),
            new KeysetPaging.SortKey<>("id", s -> s.id, UUID::fromString));

    @Inject
    KeysetPaging paging;

    public Subscription get(UUID id) {
        return Subscription.<Subscription>findByIdOptional(id).filter(this::mayManage).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Subscription create(SubscriptionRequest request) {
        String owner = caller();
        // One owner's creates are serialised, so the limits hold also for concurrent requests.
        AdvisoryLocks.lock(entityManager, "subscriptions of " + owner);
        requireUniqueEmail(owner, request.email(), null);
        requireBelowLimits(owner, request.email());
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = owner;
        subscription.linkToken = newLinkToken();
        subscription.createdAt = StoredTime.now();
        // A digest covers what happens from now on, not the whole history of the feed.
        subscription.lastDigestPosition = activities.lastPosition();
        apply(subscription, request);
        consent(subscription);
        // Two parallel requests can both pass the check above; the unique index decides.
        PersistOnce.persist(entityManager, subscription, () -> emailTaken(request.email()));
        return subscription;
    }

    @Transactional
    public Subscription replace(UUID id, String ifMatch, SubscriptionRequest request) {
        Subscription subscription = lock(id);
        preconditions.requireMatch(ifMatch, SubscriptionResponse.of(subscription));
        requireUniqueEmail(subscription.owner, request.email(), subscription.id);
        boolean newAddress = !subscription.email.equalsIgnoreCase(request.email().strip());
        if (newAddress) {
            requireBelowLimits(subscription.owner, request.email());
        }
        apply(subscription, request);
        if (newAddress) {
            consent(subscription);
        }
        PersistOnce.flush(entityManager, () -> emailTaken(request.email()));
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        lock(id).delete();
    }

    /**
     * The address owner's consent: one's own address (the e-mail of one's token) counts as given; any other address
     * waits for its owner to confirm through the link mailed to it, and gets nothing else until then.
     */
    private void consent(Subscription subscription) {
        if (isOwnAddress(subscription.email)) {
            subscription.confirmedAt = StoredTime.now();
            return;
        }
        subscription.confirmedAt = null;
        subscription.linkToken = newLinkToken(); // a link mailed to an earlier address no longer works
        var t = letters.texts(subscription);
        mail.queue(letters.text(subscription, t.confirmationSubject(),
                t.confirmationText(requesterName(), letters.confirmationUrl(subscription))));
    }

    private boolean isOwnAddress(String email) {
        return ownAddress().map(own -> own.equalsIgnoreCase(email.strip())).orElse(false);
    }

    /** Who asked, as the address owner may know them: the token's name, else its user name. */
    private String requesterName() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("name") != null) {
            return token.getClaim("name").toString();
        }
        return identity.getPrincipal().getName();
    }

    /** The e-mail address of the caller's token, if it carries one. */
    private Optional<String> ownAddress() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object email = token.getClaim("email");
            return email == null ? Optional.empty() : Optional.of(email.toString());
        }
        return Optional.empty();
    }

    private void requireBelowLimits(String owner, String email) {
        long held = Subscription.count("owner", owner);
        if (held >= maxPerOwner) {
            throw Problems.conflict(RequestTexts.problems().subscriptionsLimit(held))
                    .with("limit", maxPerOwner).build();
        }
        if (!isOwnAddress(email) && Subscription.count("owner = ?1 and confirmedAt is null", owner) >= maxPendingPerOwner) {
            throw Problems.conflict(RequestTexts.problems().pendingLimit(maxPendingPerOwner))
                    .with("limit", maxPendingPerOwner).build();
        }
    }

    static String newLinkToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The subscription a mailed link names, or empty. */
    public Optional<Subscription> byLinkToken(String token) {
        if (token == null || !token.matches("^[0-9a-f]{64}$")) {
            return Optional.empty();
        }
        return Subscription.<Subscription>find("linkToken", token).firstResultOptional();
    }

    /** The address owner confirmed through the link mailed to it. */
    @Transactional
    public Optional<Subscription> confirm(String token) {
        Optional<Subscription> found = byLinkToken(token);
        found.ifPresent(s -> {
            Subscription locked = Subscription.findById(s.id, LockModeType.PESSIMISTIC_WRITE);
            if (locked.confirmedAt == null) {
                locked.confirmedAt = StoredTime.now();
                locked.updatedAt = locked.confirmedAt;
            }
        });
        return found;
    }

    /** The reader ended the subscription through the link in a mail (RFC 8058 one-click, or the page's button). */
    @Transactional
    public Optional<Subscription> unsubscribe(String token) {
        Optional<Subscription> found = byLinkToken(token);
        found.ifPresent(s -> Subscription.delete("id", s.id));
        return found;
    }

    private Subscription lock(UUID id) {
        Subscription subscription = Subscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null || !mayManage(subscription)) {
            throw notFound(id);
        }
        return subscription;
    }

    private void apply(Subscription subscription, SubscriptionRequest request) {
        subscription.name = request.name().strip();
        subscription.email = request.email().strip();
        subscription.municipalityCode = request.municipalityCode();
        subscription.role = request.role();
        subscription.follows = request.follows();
        subscription.projectIds = request.follows() == Follows.PROJECTS
                ? new ArrayList<>(request.projectIds().stream().distinct().toList()) : new ArrayList<>();
        subscription.delivery = request.delivery();
        subscription.language = request.language() == null ? Language.DEFAULT : request.language();
        subscription.updatedAt = StoredTime.now();
    }

    private void requireUniqueEmail(String owner, String email, UUID except) {
        boolean taken = Subscription.<Subscription>find("owner = ?1 and lower(email) = ?2", owner,
                        email.strip().toLowerCase(Locale.ROOT)).stream()
                .anyMatch(s -> !s.id.equals(except));
        if (taken) {
            throw emailTaken(email);
        }
    }

    private static HttpProblem emailTaken(String email) {
        return Problems.conflict(RequestTexts.problems().subscriptionExists(email.strip()))
                .with("email", email.strip()).build();
    }

    private boolean mayManage(Subscription subscription) {
        return isAdmin() || subscription.owner.equals(caller());
    }

    private boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().subscriptionNotFound(id));
    }
}
