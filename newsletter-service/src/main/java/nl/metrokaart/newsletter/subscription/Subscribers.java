package nl.metrokaart.newsletter.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.platform.persistence.OncePerTransaction;

/** Who gets what: the confirmed subscriptions that match an activity, a role or everyone. */
@ApplicationScoped
public class Subscribers {

    @Inject
    OncePerTransaction once;

    /**
     * Per-event subscribers who follow this activity. The per-event subscriptions are read once per transaction: a
     * consumed batch records many activities in one, and mails them to the subscribers as they were at its start.
     */
    public List<Subscription> perEventFollowing(Activity activity) {
        List<Subscription> perEvent = once.get(Subscribers.class.getName() + ".per-event", () -> Subscription
                .<Subscription>list("confirmedAt is not null and delivery = ?1 order by createdAt, id", Delivery.PER_EVENT));
        return perEvent.stream().filter(s -> s.follows(activity)).toList();
    }

    public List<Subscription> withRole(SubscriberRole... roles) {
        return Subscription.list("confirmedAt is not null and role in ?1 order by createdAt, id", List.of(roles));
    }

    public List<Subscription> all() {
        return Subscription.list("confirmedAt is not null order by createdAt, id");
    }

    public List<Subscription> weeklyDigest() {
        return Subscription.list("confirmedAt is not null and delivery = ?1 order by createdAt, id", Delivery.WEEKLY_DIGEST);
    }
}
