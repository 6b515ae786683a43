package nl.metrokaart.programme.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import io.quarkus.test.junit.QuarkusTest;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.time.ClockProducer;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectStatus;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanningResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ClockProducer.PROGRAMME_ZONE);

    /** A programme with two projects and key milestones on both sides of today, as ids in a fixed order. */
    private record Fixture(UUID programmeId, UUID overdueLong, UUID overdueShort, UUID dueToday, UUID dueSoon,
            UUID dueFar, UUID achieved, UUID notKey) {
        String path() {
            return "/api/v1/programmes/" + programmeId + "/planning";
        }
    }

    private static Fixture stored() {
        Fixture f = new Fixture(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            Programme programme = new Programme();
            programme.id = f.programmeId();
            programme.name = "Planning test";
            programme.ambition = "Key milestones on time.";
            programme.startDate = TODAY.minusYears(1);
            programme.endDate = TODAY.plusYears(2);
            programme.programmeManager = "Petra de Vries";
            programme.lines = List.of(new Programme.MetroLine("digital-services", "Digitale dienstverlening", "#0065BD"));
            programme.createdAt = Instant.now();
            programme.updatedAt = programme.createdAt;
            programme.persist();
            Project wabo = project(programme.id, "WABO", "Omgevingsvergunning online", 1, ProjectStatus.IN_PROGRESS);
            Project dms = project(programme.id, "DMS", "Documentmanagement", 2, ProjectStatus.CANCELLED);
            Project.flush();
            milestone(f.overdueLong(), wabo, "Aanbesteding gegund", TODAY.minusDays(10), null, true);
            milestone(f.overdueShort(), dms, "Archief gemigreerd", TODAY.minusDays(3), null, true);
            milestone(f.dueToday(), wabo, "Koppeling getest", TODAY, null, true);
            milestone(f.dueSoon(), wabo, "Go-live omgevingsloket", TODAY.plusDays(30), null, true);
            milestone(f.dueFar(), wabo, "Evaluatie", TODAY.plusDays(400), null, true);
            milestone(f.achieved(), wabo, "Projectplan vastgesteld", TODAY.minusDays(40), TODAY.minusDays(41), true);
            milestone(f.notKey(), wabo, "Werkoverleg", TODAY.plusDays(5), null, false);
        });
        return f;
    }

    private static Project project(UUID programmeId, String code, String name, int rank, ProjectStatus status) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.programmeId = programmeId;
        p.code = code;
        p.name = name;
        p.description = name;
        p.line = "digital-services";
        p.priorityRank = rank;
        p.status = status;
        p.plannedStartDate = TODAY.minusMonths(6);
        p.plannedEndDate = TODAY.plusMonths(18);
        p.budget = BigDecimal.TEN;
        p.owner = "Programmabureau";
        p.changeSeq = rank;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        p.persist();
        return p;
    }

    private static void milestone(UUID id, Project project, String title, LocalDate due, LocalDate achieved, boolean key) {
        Milestone m = new Milestone();
        m.id = id;
        m.projectId = project.id;
        m.title = title;
        m.dueDate = due;
        m.achievedDate = achieved;
        m.key = key;
        m.createdAt = Instant.parse("2025-01-01T08:00:00.123456Z");
        m.updatedAt = m.createdAt;
        m.persist();
    }

    private static String secretary() {
        return TestTokens.withRoles("sec", Roles.SECRETARY);
    }

    @Test
    void splitsKeyMilestonesIntoUpcomingOverdueAndAchieved() {
        Fixture f = stored();
        given().auth().oauth2(secretary())
                .when().get(f.path())
                .then().statusCode(200)
                .contentType("application/json")
                .body("programmeId", equalTo(f.programmeId().toString()))
                .body("today", equalTo(TODAY.toString()))
                .body("horizonDays", equalTo(365))
                // Due today is still upcoming; beyond the horizon and not-key milestones are left out.
                .body("upcoming.milestoneId", equalTo(List.of(f.dueToday().toString(), f.dueSoon().toString())))
                .body("overdue.milestoneId", equalTo(List.of(f.overdueLong().toString(), f.overdueShort().toString())))
                .body("achieved.milestoneId", equalTo(List.of(f.achieved().toString())))
                .body("upcoming[1].projectCode", equalTo("WABO"))
                .body("upcoming[1].projectName", equalTo("Omgevingsvergunning online"))
                .body("upcoming[1].title", equalTo("Go-live omgevingsloket"))
                .body("upcoming[1].dueDate", equalTo(TODAY.plusDays(30).toString()))
                .body("upcoming[1].achievedDate", nullValue())
                .body("upcoming[1].status", equalTo("upcoming"))
                .body("overdue[1].status", equalTo("overdue"))
                .body("overdue[1].projectStatus", equalTo("cancelled"))
                .body("achieved[0].status", equalTo("achieved"))
                .body("achieved[0].achievedDate", equalTo(TODAY.minusDays(41).toString()));
    }

    @Test
    void horizonDaysWidensUpcoming() {
        Fixture f = stored();
        given().auth().oauth2(secretary()).queryParam("horizonDays", 400)
                .when().get(f.path())
                .then().statusCode(200)
                .body("horizonDays", equalTo(400))
                .body("upcoming.milestoneId", hasItem(f.dueFar().toString()));
        given().auth().oauth2(secretary()).queryParam("horizonDays", 1)
                .when().get(f.path())
                .then().statusCode(200)
                .body("upcoming.milestoneId", equalTo(List.of(f.dueToday().toString())));
    }

    @Test
    void invalidHorizonDaysIs400WithInvalidParams() {
        Fixture f = stored();
        for (String invalid : List.of("0", "3651", "-5", "ten", "1.5")) {
            given().auth().oauth2(secretary()).queryParam("horizonDays", invalid)
                    .when().get(f.path())
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Ongeldig verzoek")) // Dutch unless Accept-Language asks otherwise
                    .body("detail", containsString("horizonDays"))
                    .body("invalidParams.name", equalTo(List.of("horizonDays")))
                    .body("invalidParams[0].in", equalTo("query"));
        }
    }

    @Test
    void calendarFeedHasOneAllDayEventPerKeyMilestone() throws Exception {
        Fixture f = stored();
        String body = given().auth().oauth2(secretary()).accept("text/calendar")
                .when().get(f.path())
                .then().statusCode(200)
                .header("Content-Type", equalTo("text/calendar; charset=utf-8"))
                .extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(5, events.size(), body);
        List<UUID> expected = List.of(f.overdueLong(), f.overdueShort(), f.dueToday(), f.dueSoon(), f.achieved());
        assertEquals(expected.stream().map(id -> id + "@metrokaart").toList(),
                events.stream().map(e -> value(e, Property.UID)).toList());
        List<LocalDate> due = List.of(TODAY.minusDays(10), TODAY.minusDays(3), TODAY, TODAY.plusDays(30), TODAY.minusDays(40));
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            Property start = event.getProperty(Property.DTSTART).orElseThrow();
            assertEquals(due.get(i).toString().replace("-", ""), start.getValue());
            assertEquals("DATE", start.getParameter("VALUE").orElseThrow().getValue(), "all-day event");
            assertEquals("20250101T080000Z", value(event, Property.DTSTAMP));
        }
        assertEquals("WABO: Go-live omgevingsloket", value(events.get(3), Property.SUMMARY));
        assertTrue(value(events.get(3), Property.DESCRIPTION).contains("Omgevingsvergunning online"));
        assertEquals("CONFIRMED", value(events.get(3), Property.STATUS));
        assertEquals("TENTATIVE", value(events.get(0), Property.STATUS), "overdue: the date no longer holds");
        assertEquals("CANCELLED", value(events.get(1), Property.STATUS), "its project is cancelled");
        assertTrue(value(events.get(4), Property.CATEGORIES).contains("achieved"));
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
        assertTrue(body.contains("\r\n"), "lines end in CRLF as RFC 5545 requires");
    }

    @Test
    void unknownProgrammeIs404AndWithoutTokenIs401() {
        given().auth().oauth2(secretary()).when().get("/api/v1/programmes/" + UUID.randomUUID() + "/planning")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/programmes/" + UUID.randomUUID() + "/planning")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void unsupportedAcceptIs406ProblemJson() {
        Fixture f = stored();
        given().auth().oauth2(secretary()).accept("image/png")
                .when().get(f.path())
                .then().statusCode(406)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void noMilestonesGivesEmptyGroups() {
        Fixture f = stored();
        UUID empty = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Programme programme = Programme.findById(f.programmeId());
            Programme copy = new Programme();
            copy.id = empty;
            copy.name = "Empty";
            copy.ambition = programme.ambition;
            copy.startDate = programme.startDate;
            copy.endDate = programme.endDate;
            copy.programmeManager = programme.programmeManager;
            copy.createdAt = Instant.now();
            copy.updatedAt = copy.createdAt;
            copy.persist();
        });
        given().auth().oauth2(TestTokens.withRoles("int", Roles.INTEGRATOR))
                .when().get("/api/v1/programmes/" + empty + "/planning")
                .then().statusCode(200)
                .body("upcoming", empty())
                .body("overdue", empty())
                .body("achieved", empty());
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }
}
