package nl.metrokaart.newsletter.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.metrokaart.newsletter.activity.Activity;

/** Who gets what: the confirmed subscriptions that match an activity, a role or everyone. */
@ApplicationScoped
public class Subscribers {

    /** Per-event subscribers who follow this activity. */
    public List<Subscription> perEventFollowing(Activity activity) {
        return Subscription.<Subscription>list("confirmedAt is not null and delivery = ?1 order by createdAt, id", Delivery.PER_EVENT)
                .stream().filter(s -> s.follows(activity)).toList();
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
