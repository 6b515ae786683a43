package nl.metrokaart.newsletter.meeting;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.InstantKey;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/** The rules around meetings. */
@ApplicationScoped
public class MeetingService {

    @Inject
    CommunicationEvents events;

    @Inject
    Event<MeetingScheduled> scheduled;

    @Inject
    EntityManager entityManager;

    @Inject
    Preconditions preconditions;

    /** The meetings, not cancelled, starting from {@code from} (included) until {@code until} (excluded). */
    public List<Meeting> startingBetween(Instant from, Instant until) {
        return Meeting.list("cancelledAt is null and startsAt >= ?1 and startsAt < ?2 order by startsAt", from, until);
    }

    /** Meetings by start, then id; the cursor is the start and id of the last meeting of the previous page. */
    public Page<MeetingResponse> list(String cursor, int limit) {
        return paging.page(Meeting.class, new KeysetPaging.Where(), BY_START, cursor, limit, MeetingResponse::of);
    }

    private static final List<KeysetPaging.SortKey<Meeting>> BY_START = List.of(
            new KeysetPaging.SortKey<>("startsAt", m -> m.startsAt, InstantKey::parseWithinBounds),
            new KeysetPaging.SortKey<>("id", m -> m.id, UUID::fromString));

    @Inject
    KeysetPaging paging;

    public Meeting get(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().meetingNotFound(id));
    }

    @Transactional
    public Meeting create(MeetingRequest request) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        apply(meeting, request);
        meeting.createdAt = StoredTime.now();
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        entityManager.flush();
        events.meetingScheduled(meeting.id, MeetingEventData.of(meeting));
        scheduled.fire(new MeetingScheduled(meeting, false));
        return meeting;
    }

    /** Replaces what was planned; the client must have read the current version (If-Match). */
    @Transactional
    public Meeting replace(UUID id, String ifMatch, MeetingRequest request) {
        Meeting meeting = lockForChange(id, ifMatch);
        apply(meeting, request);
        meeting.updatedAt = StoredTime.now();
        entityManager.flush();
        events.meetingChanged(meeting.id, MeetingEventData.of(meeting));
        scheduled.fire(new MeetingScheduled(meeting, true));
        return meeting;
    }

    /**
     * Cancels a meeting: it stays readable, marked cancelled, and no longer changes; its audience gets a
     * cancellation for the calendar event they hold, and meeting-cancelled is announced.
     */
    @Transactional
    public Meeting cancel(UUID id, String ifMatch, MeetingCancellation cancellation) {
        Meeting meeting = lockForChange(id, ifMatch);
        meeting.cancelledAt = StoredTime.now();
        meeting.cancellationReason = cancellation.reason().strip();
        meeting.updatedAt = meeting.cancelledAt;
        entityManager.flush();
        events.meetingCancelled(meeting.id, MeetingEventData.of(meeting));
        scheduled.fire(new MeetingScheduled(meeting, true));
        return meeting;
    }

    /** The meeting, locked, if the client read its current version (If-Match) and it is not cancelled. */
    private Meeting lockForChange(UUID id, String ifMatch) {
        Meeting meeting = entityManager.find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null) {
            throw notFound(id);
        }
        preconditions.requireMatch(ifMatch, MeetingResponse.of(meeting));
        if (meeting.cancelled()) {
            throw Problems.conflict(RequestTexts.problems().meetingCancelled(meeting.id, meeting.cancelledAt)).build();
        }
        return meeting;
    }

    private static void apply(Meeting meeting, MeetingRequest request) {
        meeting.title = request.title().strip();
        meeting.startsAt = StoredTime.of(request.startsAt().toInstant());
        meeting.endsAt = StoredTime.of(request.endsAt().toInstant());
        meeting.location = request.location().strip();
        meeting.audience = request.audience();
        meeting.agendaItems = request.agendaItems() == null ? List.of()
                : request.agendaItems().stream()
                        .map(i -> new Meeting.AgendaItem(i.title().strip(), i.projectCode()))
                        .toList();
    }
}
