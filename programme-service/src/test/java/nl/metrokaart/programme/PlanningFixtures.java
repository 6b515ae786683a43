package nl.metrokaart.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.idempotency.IdempotencyRecord;
import nl.metrokaart.platform.outbox.OutboxEvent;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.planning.CalendarFeed;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectStatus;

/** Persists programmes, projects, milestones and links directly, for tests of the planning features. */
@ApplicationScoped
public class PlanningFixtures {

    @Transactional
    public UUID programme() {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.name = "EGEM Krimpenerwaard " + programme.id;
        programme.ambition = "One way of working for five municipalities.";
        programme.startDate = LocalDate.of(2009, 1, 1);
        programme.endDate = LocalDate.of(2011, 12, 31);
        programme.programmeManager = "Petra de Vries";
        programme.lines = List.of(new Programme.MetroLine("key-registers", "Key registers", "#E3001B"));
        programme.createdAt = Instant.now();
        programme.updatedAt = programme.createdAt;
        programme.persist();
        return programme.id;
    }

    @Transactional
    public UUID project(UUID programmeId, String code, LocalDate start, LocalDate end) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.programmeId = programmeId;
        project.code = code;
        project.name = "Project " + code;
        project.description = "Fixture project " + code + ".";
        project.line = "key-registers";
        project.priorityRank = (int) Project.count("programmeId", programmeId) + 1;
        project.status = ProjectStatus.PLANNED;
        project.plannedStartDate = start;
        project.plannedEndDate = end;
        project.budget = new BigDecimal("125000.00");
        project.owner = "Jan Bakker";
        project.changeSeq = System.nanoTime();
        project.createdAt = Instant.now();
        project.updatedAt = project.createdAt;
        project.persist();
        return project.id;
    }

    @Transactional
    public UUID milestone(UUID projectId, String title, LocalDate due, LocalDate achieved, boolean key) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.projectId = projectId;
        milestone.title = title;
        milestone.dueDate = due;
        milestone.achievedDate = achieved;
        milestone.key = key;
        milestone.createdAt = Instant.now();
        milestone.updatedAt = milestone.createdAt;
        milestone.persist();
        return milestone.id;
    }

    @Transactional
    public UUID dependency(UUID projectId, UUID predecessorId, DependencyType type, int lagDays) {
        Dependency dependency = new Dependency();
        dependency.id = UUID.randomUUID();
        dependency.projectId = projectId;
        dependency.predecessorId = predecessorId;
        dependency.type = type;
        dependency.lagDays = lagDays;
        dependency.createdAt = Instant.now();
        dependency.persist();
        return dependency.id;
    }

    @Transactional
    public Milestone findMilestone(UUID id) {
        return Milestone.findById(id);
    }

    @Transactional
    public long milestoneCount(UUID projectId) {
        return Milestone.count("projectId", projectId);
    }

    @Transactional
    public long dependencyCount(UUID projectId) {
        return Dependency.count("projectId", projectId);
    }

    /** Outbox events of one type about one project (the record key), oldest first. */
    @Transactional
    public List<OutboxEvent> events(UUID projectId, String type) {
        return OutboxEvent.list("eventKey = ?1 and type = ?2 order by position", projectId.toString(), type);
    }

    /** Idempotency records (stored answers of retried POSTs) whose body contains the text. */
    @Transactional
    public long idempotencyRecordsContaining(String text) {
        return ((Number) IdempotencyRecord.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM idempotency_record WHERE strpos(body, :text) > 0")
                .setParameter("text", text).getSingleResult()).longValue();
    }

    /** Lets a calendar feed's key expire, as if its lifetime had passed. */
    @Transactional
    public void expireCalendarFeed(UUID feedId) {
        CalendarFeed feed = CalendarFeed.findById(feedId);
        feed.expiresAt = Instant.now().minusSeconds(1);
    }
}
