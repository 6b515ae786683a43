package nl.metrokaart.programme.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.programme.PlanningFixtures;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyService;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.milestone.MilestoneService;
import org.junit.jupiter.api.Test;

/**
 * The programme-wide reads of the metro map, the planning and the impact select columns instead of loading managed
 * entities: the copies they return carry every field as stored, and only the links and milestones asked for.
 */
@QuarkusTest
class ProgrammeReadCopiesTest {

    @Inject
    PlanningFixtures fixtures;

    @Inject
    DependencyService dependencies;

    @Inject
    MilestoneService milestones;

    @Test
    void copiesCarryEveryStoredField() {
        UUID programme = fixtures.programme();
        UUID wion = fixtures.project(programme, "WION", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 3, 31));
        UUID durp = fixtures.project(programme, "DURP", LocalDate.of(2010, 4, 11), LocalDate.of(2010, 6, 30));
        UUID elsewhere = fixtures.project(fixtures.programme(), "BAG", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 2, 1));
        UUID link = fixtures.dependency(durp, wion, DependencyType.MUST_FINISH_BEFORE, 10);
        UUID influence = fixtures.dependency(durp, wion, DependencyType.INFLUENCES, 0);
        UUID key = fixtures.milestone(wion, "Koppeling live", LocalDate.of(2010, 3, 15), null, true);
        UUID achievedKey = fixtures.milestone(durp, "Plan vastgesteld", LocalDate.of(2010, 5, 1), LocalDate.of(2010, 5, 2), true);
        UUID open = fixtures.milestone(durp, "Test", LocalDate.of(2010, 6, 1), null, false);
        fixtures.milestone(elsewhere, "Elders", LocalDate.of(2010, 1, 15), null, true);

        List<Dependency> links = sorted(dependencies.withinProgramme(programme), d -> d.id);
        assertEquals(sorted(List.of(link, influence), id -> id), links.stream().map(d -> d.id).toList());
        for (Dependency copy : links) {
            Dependency stored = stored(Dependency.class, copy.id);
            assertEquals(List.of(stored.projectId, stored.predecessorId, stored.type, stored.lagDays,
                            String.valueOf(stored.explanation), stored.createdAt),
                    List.of(copy.projectId, copy.predecessorId, copy.type, copy.lagDays,
                            String.valueOf(copy.explanation), copy.createdAt));
        }

        List<Milestone> keys = sorted(milestones.keyMilestonesOfProgramme(programme), m -> m.id);
        assertEquals(sorted(List.of(key, achievedKey), id -> id), keys.stream().map(m -> m.id).toList());
        List<Milestone> unachieved = sorted(milestones.openOfProgramme(programme), m -> m.id);
        assertEquals(sorted(List.of(key, open), id -> id), unachieved.stream().map(m -> m.id).toList());
        for (Milestone copy : List.of(keys.get(0), keys.get(1), unachieved.get(0), unachieved.get(1))) {
            Milestone stored = stored(Milestone.class, copy.id);
            assertEquals(List.of(stored.projectId, stored.title, stored.dueDate, String.valueOf(stored.achievedDate),
                            stored.key, String.valueOf(stored.missedAt), stored.version, stored.createdAt,
                            stored.updatedAt),
                    List.of(copy.projectId, copy.title, copy.dueDate, String.valueOf(copy.achievedDate), copy.key,
                            String.valueOf(copy.missedAt), copy.version, copy.createdAt, copy.updatedAt));
        }
    }

    /** As stored: read in a transaction of its own, not the instance a fixture created. */
    private static <T> T stored(Class<T> type, UUID id) {
        return QuarkusTransaction.requiringNew().call(
                () -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, id));
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, UUID> id) {
        return items.stream().sorted(Comparator.comparing(id)).toList();
    }
}
