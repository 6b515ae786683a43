package nl.metrokaart.newsletter.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.metrokaart.newsletter.activity.ActivityRecorder;
import nl.metrokaart.newsletter.activity.ActivityTypes;
import nl.metrokaart.newsletter.activity.ActivitySubject;
import nl.metrokaart.newsletter.municipality.MunicipalityEventData;
import nl.metrokaart.newsletter.municipality.MunicipalityKnowledge;
import nl.metrokaart.newsletter.project.ProgrammeEventData;
import nl.metrokaart.newsletter.project.ProjectKnowledge;
import nl.metrokaart.platform.inbox.EventHandlers;
import nl.metrokaart.platform.inbox.Inbox;
import nl.metrokaart.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives the events of programme-service and municipality-service (see their asyncapi.yaml) into the activity
 * feed, through the idempotent inbox: each event becomes one activity, however often it is delivered. Each type's
 * data is bound to its record ({@link ProgrammeEventData}, {@link MunicipalityEventData}); data that does not bind
 * goes to the dead-letter topic. Project and milestone events also keep what this service knows of projects and
 * milestones up to date, municipality events what it knows of municipalities (their names).
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
    private final ActivityRecorder activities;
    private final Set<String> fed = new LinkedHashSet<>();

    @Inject
    public ActivityConsumer(ActivityRecorder activities, ProjectKnowledge projects, MunicipalityKnowledge municipalities) {
        this.activities = activities;
        // Not activities: what is known of each municipality, so that texts name it.
        handlers.on(MunicipalityKnowledge.REGISTERED, MunicipalityEventData.Municipality.class,
                (event, data) -> municipalities.apply(data));
        handlers.on(MunicipalityKnowledge.CHANGED, MunicipalityEventData.Municipality.class,
                (event, data) -> municipalities.apply(data));

        for (String verb : List.of("project-created", "project-changed")) {
            feed(PROGRAMME + verb, ProgrammeEventData.Project.class, projects::apply,
                    data -> ActivitySubject.project(data.id(), data.code()));
        }
        feed(PROGRAMME + "project-status-changed", ProgrammeEventData.StatusChange.class,
                data -> projects.apply(data.project()),
                data -> ActivitySubject.project(data.project().id(), data.project().code()));
        // A project's code is only taken from the project's own events (and the read model).
        feed(PROGRAMME + "project-priority-changed", ProgrammeEventData.PriorityChange.class,
                data -> ActivitySubject.project(data.projectId(), null));
        for (String verb : List.of("milestone-scheduled", "milestone-rescheduled", "milestone-achieved", "milestone-missed")) {
            feed(PROGRAMME + verb, ProgrammeEventData.Milestone.class, projects::apply,
                    data -> ActivitySubject.milestone(data.projectId(), data.key()));
        }
        for (String verb : List.of("dependency-added", "dependency-removed")) {
            feed(PROGRAMME + verb, ProgrammeEventData.Dependency.class,
                    data -> ActivitySubject.project(data.projectId(), null));
        }
        for (String verb : List.of("participation-registered", "participation-changed")) {
            feed(MUNICIPALITY + verb, MunicipalityEventData.Participation.class,
                    data -> ActivitySubject.municipality(data.projectId(), data.projectCode(), data.municipalityCode()));
        }
        for (String verb : List.of("variant-choice-made", "variant-choice-changed")) {
            feed(MUNICIPALITY + verb, MunicipalityEventData.VariantChoice.class,
                    data -> ActivitySubject.municipality(data.projectId(), data.projectCode(), data.municipalityCode()));
        }
        for (String verb : List.of("decision-recorded", "decision-changed")) {
            feed(MUNICIPALITY + verb, MunicipalityEventData.Decision.class,
                    data -> ActivitySubject.project(data.projectId(), data.projectCode()));
        }
        feed(MUNICIPALITY + "allocation-key-chosen", MunicipalityEventData.AllocationKey.class,
                data -> ActivitySubject.project(data.projectId(), data.projectCode()));
        feed(MUNICIPALITY + "cost-allocation-changed", MunicipalityEventData.CostAllocation.class,
                data -> ActivitySubject.costs(data.projectId(), data.projectCode(), data.payingMunicipalities()));
        if (!fed.equals(Set.copyOf(TYPES))) {
            throw new IllegalStateException("The feed's handlers " + fed + " differ from its types " + TYPES);
        }

        for (String type : READ_MODEL_TYPES) {
            handlers.on(type, ProgrammeEventData.Milestone.class, (event, data) -> projects.apply(data));
        }
        handlers.on(MILESTONE_DELETED, ProgrammeEventData.MilestoneDeleted.class, (event, data) -> projects.apply(data));
    }

    /** A type the feed records, as an activity about its subject. */
    private <T extends Record> void feed(String type, Class<T> dataType, Function<T, ActivitySubject> subject) {
        feed(type, dataType, data -> { }, subject);
    }

    /** A type the feed records: its data first updates what is known here, then becomes an activity about its subject. */
    private <T extends Record> void feed(String type, Class<T> dataType, Consumer<T> readModel,
            Function<T, ActivitySubject> subject) {
        fed.add(type);
        handlers.on(type, dataType, (ReceivedEvent event, T data) -> {
            readModel.accept(data);
            activities.record(event, data, subject.apply(data));
        });
    }

    // Blocking and ordered: a polled batch at a time (batch=true), recorded in one transaction in offset order, so
    // the events of one project (one partition) are recorded one after the other.
    @Incoming("activity-feed")
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveBatch(CONSUMER, batch, handlers);
    }
}
