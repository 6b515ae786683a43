package nl.metrokaart.newsletter.meeting;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The rules around meetings. */
@ApplicationScoped
public class MeetingService {

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
        meeting.startsAt = request.startsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        meeting.endsAt = request.endsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        meeting.location = request.location().strip();
        meeting.audience = request.audience();
        meeting.agendaItems = request.agendaItems() == null ? List.of()
                : request.agendaItems().stream()
                        .map(i -> new Meeting.AgendaItem(i.title().strip(), i.projectCode()))
                        .toList();
        // PostgreSQL keeps microseconds: the answer to the POST then equals what a later GET reads.
        meeting.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        return meeting;
    }
}
