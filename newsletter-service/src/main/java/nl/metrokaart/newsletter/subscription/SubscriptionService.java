package nl.metrokaart.newsletter.subscription;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.InstantKey;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.PersistOnce;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.security.Roles;

/**
 * The rules of subscriptions. A person manages the subscriptions they created (owner = their token's subject);
 * admins manage all. Someone else's subscription answers 404, exactly like one that does not exist, so that ids
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

    /** The caller's subscriptions (admins: everyone's), by creation, a page at a time. */
    public Page<SubscriptionResponse> list(String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!isAdmin()) {
            query.append(" and owner = :owner");
            parameters.and("owner", caller());
        }
        if (cursor != null) {
            InstantKey after = InstantKey.after(cursor, "cursor");
            parameters.and("created", after.instant()).and("id", after.id());
            query.append(" and (createdAt > :created or (createdAt = :created and id > :id))");
        }
        List<Subscription> fetched = Subscription.<Subscription>find(query + " order by createdAt, id", parameters)
                .range(0, limit).list();
        return Page.ofFetched(fetched, limit, s -> new InstantKey(s.createdAt, s.id).position(), SubscriptionResponse::of);
    }

    public Subscription get(UUID id) {
        return Subscription.<Subscription>findByIdOptional(id).filter(this::mayManage).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Subscription create(SubscriptionRequest request) {
        String owner = caller();
        requireUniqueEmail(owner, request.email(), null);
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = owner;
        subscription.createdAt = StoredTime.now();
        // A digest covers what happens from now on, not the whole history of the feed.
        Long lastPosition = Activity.find("select max(position) from Activity").project(Long.class).firstResult();
        subscription.lastDigestPosition = lastPosition == null ? 0 : lastPosition;
        apply(subscription, request);
        // Two parallel requests can both pass the check above; the unique index decides.
        PersistOnce.persist(entityManager, subscription, () -> emailTaken(request.email()));
        return subscription;
    }

    @Transactional
    public Subscription replace(UUID id, String ifMatch, SubscriptionRequest request) {
        Subscription subscription = lock(id);
        preconditions.requireMatch(ifMatch, SubscriptionResponse.of(subscription));
        requireUniqueEmail(subscription.owner, request.email(), subscription.id);
        apply(subscription, request);
        PersistOnce.flush(entityManager, () -> emailTaken(request.email()));
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        lock(id).delete();
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
        subscription.role = request.role().value();
        subscription.follows = request.follows().value();
        subscription.projectIds = request.follows() == Follows.PROJECTS
                ? new ArrayList<>(request.projectIds().stream().distinct().toList()) : new ArrayList<>();
        subscription.delivery = request.delivery().value();
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
        return Problems.conflict("You already have a subscription for " + email.strip() + ".")
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
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, "Subscription " + id + " does not exist.");
    }
}
