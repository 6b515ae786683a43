package nl.metrokaart.municipality.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import nl.metrokaart.municipality.project.ProgrammeEventData;
import nl.metrokaart.municipality.project.ProjectReadModel;
import nl.metrokaart.platform.inbox.EventHandlers;
import nl.metrokaart.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives programme-service's project topic into the project read model, through the idempotent inbox.
 * Other types on the topic (priority and dependency events) are skipped and counted.
 */
@ApplicationScoped
public class ProgrammeEventConsumer {

    public static final String CONSUMER = "project-read-model";
    private static final String PROGRAMME = "nl.metrokaart.programme.";

    @Inject
    Inbox inbox;

    private final EventHandlers handlers;

    @Inject
    public ProgrammeEventConsumer(ProjectReadModel readModel) {
        handlers = EventHandlers.create()
                .on(PROGRAMME + "project-created", ProgrammeEventData.Project.class, (event, data) -> readModel.apply(data))
                .on(PROGRAMME + "project-changed", ProgrammeEventData.Project.class, (event, data) -> readModel.apply(data))
                .on(PROGRAMME + "project-status-changed", ProgrammeEventData.StatusChange.class,
                        (event, data) -> readModel.apply(data.project()));
        for (String verb : new String[] {"scheduled", "rescheduled", "achieved", "missed", "changed", "unachieved"}) {
            handlers.on(PROGRAMME + "milestone-" + verb, ProgrammeEventData.Milestone.class,
                    (event, data) -> readModel.apply(data));
        }
        handlers.on(PROGRAMME + "milestone-deleted", ProgrammeEventData.MilestoneDeleted.class,
                (event, data) -> readModel.apply(data));
    }

    // Blocking and ordered: a polled batch at a time (batch=true), applied in one transaction in offset order, so
    // records of one partition (one project) are applied one after the other.
    @Incoming("programme-projects")
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveBatch(CONSUMER, batch, handlers);
    }
}
