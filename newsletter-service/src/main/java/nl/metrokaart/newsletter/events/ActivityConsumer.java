package nl.metrokaart.newsletter.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.metrokaart.newsletter.activity.ActivityRecorder;
import nl.metrokaart.newsletter.activity.ActivityTypes;
import nl.metrokaart.newsletter.municipality.MunicipalityKnowledge;
import nl.metrokaart.newsletter.project.ProjectKnowledge;
import nl.metrokaart.platform.inbox.EventHandlers;
import nl.metrokaart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives the events of programme-service and municipality-service (see their asyncapi.yaml) into the activity
 * feed, through the idempotent inbox: each event becomes one activity, however often it is delivered. Project
 * and milestone events also keep what this service knows of projects and milestones up to date, municipality
 * events what it knows of municipalities (their names).
 */
@ApplicationScoped
public class ActivityConsumer {

    public static final String CONSUMER = "activity-feed";

    static final String PROGRAMME = "nl.metrokaart.programme.";
    static final String MUNICIPALITY = "nl.metrokaart.municipality.";

    /** The event types the feed records (one activity each). */
    public static final List<String> TYPES = ActivityTypes.RECORDED;

    /** Types that change what this service knows of milestones (and so its alerts) without an activity of their own. */
    public static final List<String> READ_MODEL_TYPES = List.of(PROGRAMME + "milestone-changed",
            PROGRAMME + "milestone-unachieved");
    public static final String MILESTONE_DELETED = PROGRAMME + "milestone-deleted";

    @Inject
    Inbox inbox;

    private final EventHandlers handlers = EventHandlers.create();

    @Inject
    public ActivityConsumer(ActivityRecorder activities, ProjectKnowledge projects, MunicipalityKnowledge municipalities) {
        // Not activities: what is known of each municipality, so that texts name it.
        handlers.on(MunicipalityKnowledge.REGISTERED, JsonNode.class, (event, data) -> municipalities.municipality(data));
        handlers.on(MunicipalityKnowledge.CHANGED, JsonNode.class, (event, data) -> municipalities.municipality(data));
        for (String type : TYPES) {
            handlers.on(type, JsonNode.class, (event, data) -> {
                String shortType = type.substring(type.lastIndexOf('.') + 1);
                if (type.startsWith(PROGRAMME + "project-") && !shortType.equals("project-priority-changed")) {
                    projects.project(data.path("project").isObject() ? data.path("project") : data);
                } else if (type.startsWith(PROGRAMME + "milestone-")) {
                    projects.milestone(data);
                }
                activities.record(event, data);
            });
        }
        for (String type : READ_MODEL_TYPES) {
            handlers.on(type, JsonNode.class, (event, data) -> projects.milestone(data));
        }
        handlers.on(MILESTONE_DELETED, JsonNode.class, (event, data) -> projects.milestoneDeleted(data));
    }

    // Blocking and ordered: the events of one project (one partition) are recorded one after the other.
    @Incoming("activity-feed")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, handlers);
    }
}
