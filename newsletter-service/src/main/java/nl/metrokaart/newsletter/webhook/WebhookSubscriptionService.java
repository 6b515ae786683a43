package nl.metrokaart.newsletter.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.text.Text;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The rules around webhook subscriptions: who sees which, what a callback URL may be, verification on change. */
@ApplicationScoped
public class WebhookSubscriptionService {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptionService.class);

    @Inject
    WebhookSender sender;

    @Inject
    WebhookCaller caller;

    @Inject
    Preconditions preconditions;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "metrokaart.events.source")
    String source;

    /** Own subscriptions (admins: all) in order of registration; the cursor is the last position seen. */
    public Page<WebhookSubscriptionResponse> list(String cursor, int limit) {
        return paging.page(WebhookSubscription.class,
                new KeysetPaging.Where().and("owner", caller.admin() ? null : caller.clientId()),
                BY_REGISTRATION, cursor, limit, WebhookSubscriptionResponse::of);
    }

    private static final List<KeysetPaging.SortKey<WebhookSubscription>> BY_REGISTRATION =
            List.of(new KeysetPaging.SortKey<>("position", s -> s.position, Long::valueOf));

    @Inject
    KeysetPaging paging;

    /** A subscription's delivery log, newest first; the cursor is the position of the last delivery seen. */
    public Page<WebhookDeliveryResponse> deliveries(WebhookSubscription subscription, String cursor, int limit) {
        return paging.page(WebhookDelivery.class, new KeysetPaging.Where().and("subscriptionId", subscription.id),
                NEWEST_DELIVERY_FIRST, cursor, limit, WebhookDeliveryResponse::of);
    }

    private static final List<KeysetPaging.SortKey<WebhookDelivery>> NEWEST_DELIVERY_FIRST =
            List.of(KeysetPaging.SortKey.descending("position", d -> d.position, Long::valueOf));

    /** The subscription, if the caller may see it; someone else's is as absent as one that does not exist. */
    public WebhookSubscription get(UUID id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null || !caller.maySee(subscription)) {
            throw notFound(id);
        }
        return subscription;
    }

    static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().webhookNotFound(id));
    }

    /** A registration whose endpoint accepted the signed test delivery, not stored yet. */
    public record Verified(UUID id, String secret, String callbackUrl, List<String> eventTypes, String description) {
    }

    /**
     * Checks a registration and sends its endpoint the signed test delivery, with no transaction: the call may take
     * seconds, during which no database connection or lock is held (also not an Idempotency-Key's).
     */
    @Transactional(Transactional.TxType.NEVER)
    public Verified verified(WebhookSubscriptionRequest request) {
        String callbackUrl = acceptableUrl(request.callbackUrl());
        List<String> eventTypes = knownTypes(request.eventTypes());
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        verify(id, callbackUrl, secret, eventTypes, false);
        return new Verified(id, secret, callbackUrl, eventTypes, Text.strippedOrNull(request.description()));
    }

    /** Registers a subscription its endpoint accepted ({@link #verified}); nothing is stored otherwise. */
    @Transactional
    public WebhookSubscription create(Verified verified) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = verified.id();
        subscription.owner = caller.clientId();
        subscription.secret = verified.secret();
        subscription.callbackUrl = verified.callbackUrl();
        subscription.eventTypes = verified.eventTypes();
        subscription.description = verified.description();
        subscription.enabled = true;
        subscription.createdAt = StoredTime.now();
        subscription.updatedAt = subscription.createdAt;
        subscription.persist();
        entityManager.flush();
        return subscription;
    }

    /**
     * Replaces what a subscription wants. A changed callback URL is verified first, without a transaction: the
     * test delivery may take seconds, during which no row lock or database connection is held. The change itself
     * then checks If-Match again under the lock, so a change made meanwhile still gives 412.
     */
    @Transactional(Transactional.TxType.NEVER)
    public WebhookSubscription replace(UUID id, String ifMatch, WebhookSubscriptionUpdate update) {
        String callbackUrl = acceptableUrl(update.callbackUrl());
        List<String> eventTypes = knownTypes(update.eventTypes());
        WebhookSubscription current = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription read = get(id);
            preconditions.requireMatch(ifMatch, WebhookSubscriptionResponse.of(read));
            return read;
        });
        if (!callbackUrl.equals(current.callbackUrl)) {
            verify(current.id, callbackUrl, current.secret, eventTypes, true);
        }
        return QuarkusTransaction.requiringNew().call(() -> apply(id, ifMatch, update, callbackUrl, eventTypes));
    }

    private WebhookSubscription apply(UUID id, String ifMatch, WebhookSubscriptionUpdate update, String callbackUrl,
            List<String> eventTypes) {
        WebhookSubscription subscription = lock(id);
        preconditions.requireMatch(ifMatch, WebhookSubscriptionResponse.of(subscription));
        subscription.callbackUrl = callbackUrl;
        subscription.eventTypes = eventTypes;
        subscription.description = Text.strippedOrNull(update.description());
        if (update.enabled() && !subscription.enabled) {
            subscription.consecutiveFailures = 0;
            subscription.disabledAt = null;
        } else if (!update.enabled() && subscription.enabled) {
            subscription.disabledAt = StoredTime.now();
        }
        subscription.enabled = update.enabled();
        subscription.updatedAt = StoredTime.now();
        entityManager.flush();
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        lock(id).delete();
    }

    private WebhookSubscription lock(UUID id) {
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null || !caller.maySee(subscription)) {
            throw notFound(id);
        }
        return subscription;
    }

    private String acceptableUrl(String url) {
        try {
            return sender.guard().check(url).toString();
        } catch (CallbackGuard.RefusedCallback e) {
            throw Problems.invalid("callbackUrl", "body", e.reason(RequestTexts.problems()));
        }
    }

    /** The requested types without repeats, each one a subscription may ask for. */
    static List<String> knownTypes(List<String> requested) {
        List<String> unknown = requested.stream().filter(t -> !WebhookFanOut.SUBSCRIBABLE_TYPES.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw Problems.invalid("eventTypes", "body", RequestTexts.problems().unknownEventTypes(unknown.toString(),
                    WebhookFanOut.SUBSCRIBABLE_TYPES.toString()));
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /**
     * A signed test delivery, like a real one; anything but a 2xx in time refuses the callback URL. The answer says
     * only that: what exactly went wrong (connection refused, a status, a time-out) would let anyone probe which
     * hosts and ports answer. That detail goes to the delivery log of an existing subscription (whose owner asked for
     * the change) and to the service log.
     */
    private void verify(UUID subscriptionId, String callbackUrl, String secret, List<String> eventTypes, boolean logged) {
        ObjectNode data = WebhookEvents.object();
        data.put("webhookSubscriptionId", subscriptionId.toString());
        data.set("eventTypes", data.arrayNode().addAll(eventTypes.stream().map(data::textNode).toList()));
        String messageId = UUID.randomUUID().toString();
        String body = WebhookEvents.structured(messageId, source, WebhookEvents.VERIFICATION_TYPE,
                "webhook-subscriptions/" + subscriptionId, StoredTime.now(), data);
        WebhookSender.Outcome outcome = sender.send(callbackUrl, secret, messageId, body);
        if (!outcome.success()) {
            LOG.infof("Verification delivery of webhook subscription %s failed: %s", subscriptionId, outcome.detail());
            if (logged) {
                QuarkusTransaction.requiringNew().run(() -> logFailedVerification(subscriptionId, messageId, body, outcome));
            }
            throw HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                    .withDetail(RequestTexts.problems().verificationRefused(WebhookEvents.VERIFICATION_TYPE, logged))
                    .build();
        }
    }

    private void logFailedVerification(UUID subscriptionId, String messageId, String body, WebhookSender.Outcome outcome) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.fromString(messageId);
        delivery.subscriptionId = subscriptionId;
        delivery.eventId = messageId;
        delivery.eventSource = source;
        delivery.eventType = WebhookEvents.VERIFICATION_TYPE;
        delivery.payload = body;
        delivery.status = WebhookDeliveryStatus.FAILED;
        delivery.attempts = 1;
        delivery.createdAt = StoredTime.now();
        delivery.lastAttemptAt = delivery.createdAt;
        delivery.lastResponseStatus = outcome.status();
        delivery.attemptLog = List.of(new WebhookDelivery.Attempt(1, delivery.createdAt, outcome.status(),
                outcome.detail(), outcome.durationMillis()));
        delivery.persist();
    }

}
