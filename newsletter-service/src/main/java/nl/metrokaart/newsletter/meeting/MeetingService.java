package nl.metrokaart.newsletter.meeting;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.platform.persistence.StoredTime;

/** The rules around meetings. */
@ApplicationScoped
public class MeetingService {

    @Inject
    CommunicationEvents events;

    @Inject
    Event<MeetingScheduled> scheduled;

    @Inject
    EntityManager entityManager;

    public List<Meeting> list() {
        return Meeting.list("order by startsAt, id");
    }

    public Meeting get(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> HttpProblem.valueOf(
                Response.Status.NOT_FOUND, "Meeting " + id + " does not exist."));
    }

    @Transactional
    public Meeting create(MeetingRequest request) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.title = request.title().strip();
        meeting.startsAt = StoredTime.of(request.startsAt().toInstant());
        meeting.endsAt = StoredTime.of(request.endsAt().toInstant());
        meeting.location = request.location().strip();
        meeting.audience = request.audience();
        meeting.agendaItems = request.agendaItems() == null ? List.of()
                : request.agendaItems().stream()
                        .map(i -> new Meeting.AgendaItem(i.title().strip(), i.projectCode()))
                        .toList();
        meeting.createdAt = StoredTime.now();
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        entityManager.flush();
        events.meetingScheduled(meeting.id, MeetingResponse.of(meeting));
        scheduled.fire(new MeetingScheduled(meeting));
        return meeting;
    }
}
