package nl.metrokaart.newsletter.activity;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.metrokaart.newsletter.project.ProjectKnowledge;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.platform.language.RequestLanguage;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;

/** Reads the activity feed: filtered, in feed order, a page at a time. */
@ApplicationScoped
public class ActivityService {

    @Inject
    ActivitySummaries summaries;

    @Inject
    RequestLanguage language;

    @Inject
    ProjectKnowledge projects;

    /** Filters of the list; null means no filter. */
    public record Filter(UUID projectId, String municipalityCode, String type, Instant occurredFrom, Instant occurredUntil) {
    }

    /** The activities that occurred from {@code from} (included) until {@code until} (excluded), in feed order. */
    public List<Activity> between(Instant from, Instant until) {
        return Activity.list("occurredAt >= ?1 and occurredAt < ?2 order by occurredAt, position", from, until);
    }

    /** Every participation and variant choice activity of a municipality before {@code until}, in feed order. */
    public List<Activity> municipalChoicesBefore(Instant until) {
        return Activity.list("municipalityCode is not null and occurredAt < ?1 and "
                + "(type like 'participation-%' or type like 'variant-choice-%') order by position", until);
    }

    /** The activities after this feed position, in feed order. */
    public List<Activity> after(long position) {
        return Activity.list("position > ?1 order by position", position);
    }

    /** The position of the newest activity; 0 while the feed is empty. */
    public long lastPosition() {
        Long lastPosition = Activity.find("select max(position) from Activity").project(Long.class).firstResult();
        return lastPosition == null ? 0 : lastPosition;
    }

    public Page<ActivityResponse> list(Filter filter, String cursor, int limit) {
        KeysetPaging.Where where = new KeysetPaging.Where()
                .and("projectId", filter.projectId())
                .condition(":municipality member of e.concernedMunicipalities", "municipality", filter.municipalityCode())
                .and("type", filter.type())
                .condition("e.occurredAt >= :from", "from", filter.occurredFrom())
                .condition("e.occurredAt <= :until", "until", filter.occurredUntil());
        Page<Activity> page = paging.page(Activity.class, where, IN_FEED_ORDER, cursor, limit, Function.identity());
        // The page's projects in one query: each summary names its project (from the session once loaded), so a page
        // of 100 activities about 100 projects costs one query, not 100.
        projects.load(page.items().stream().map(activity -> activity.projectId).collect(Collectors.toSet()));
        return page.map(this::response);
    }

    private static final List<KeysetPaging.SortKey<Activity>> IN_FEED_ORDER =
            List.of(new KeysetPaging.SortKey<>("position", a -> a.position, Long::valueOf));

    @Inject
    KeysetPaging paging;

    /** The activity with its summary in the language of the request. */
    public ActivityResponse response(Activity activity) {
        return ActivityResponse.of(activity, summaries.of(activity, language.get()));
    }

    public Activity get(UUID id) {
        return Activity.<Activity>findByIdOptional(id).orElseThrow(() -> HttpProblem.valueOf(
                Response.Status.NOT_FOUND, RequestTexts.problems().activityNotFound(id)));
    }
}
