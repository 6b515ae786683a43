package nl.metrokaart.newsletter.newsletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.alert.ClockProducer;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.newsletter.project.KnownProject;

/**
 * Composes a newsletter's sections from the activities that occurred in its period (Dutch calendar days) and the
 * key milestones coming up after it. Every section is present, also when empty, so the manager can fill it in.
 */
@ApplicationScoped
public class NewsletterComposer {

    /** How far after the period upcoming key milestones are announced. */
    static final int UPCOMING_DAYS = 42;

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<Newsletter.Section> compose(LocalDate periodStart, LocalDate periodEnd) {
        Instant from = periodStart.atStartOfDay(ClockProducer.PROGRAMME_ZONE).toInstant();
        Instant until = periodEnd.plusDays(1).atStartOfDay(ClockProducer.PROGRAMME_ZONE).toInstant();
        List<Activity> activities = Activity.list("occurredAt >= ?1 and occurredAt < ?2 order by occurredAt, position", from, until);
        List<Newsletter.Section> sections = new ArrayList<>();
        sections.add(section("realised-projects", "Realised projects", activities,
                a -> a.type.equals("project-status-changed") && "realised".equals(field(a, "toStatus"))));
        sections.add(section("milestones-achieved", "Milestones achieved", activities, a -> a.type.equals("milestone-achieved")));
        sections.add(section("milestones-missed", "Milestones missed", activities, a -> a.type.equals("milestone-missed")));
        sections.add(new Newsletter.Section("upcoming-key-milestones", "Upcoming key milestones", upcoming(periodEnd)));
        sections.add(section("decisions-taken", "Decisions taken", activities,
                a -> a.type.equals("decision-recorded") || a.type.equals("decision-changed")));
        sections.add(new Newsletter.Section("progress-per-municipality", "Progress per municipality", perMunicipality(activities)));
        return sections;
    }

    private static Newsletter.Section section(String key, String heading, List<Activity> activities, Predicate<Activity> belongs) {
        return new Newsletter.Section(key, heading, activities.stream().filter(belongs).map(a -> a.summary).toList());
    }

    /** Key milestones not achieved, due in the weeks after the period, by due date. */
    private static List<String> upcoming(LocalDate periodEnd) {
        List<KnownMilestone> milestones = KnownMilestone.list(
                "key = true and achievedDate is null and status = 'open' and dueDate > ?1 and dueDate <= ?2 order by dueDate, title",
                periodEnd, periodEnd.plusDays(UPCOMING_DAYS));
        return milestones.stream().map(m -> {
            String project = KnownProject.<KnownProject>findByIdOptional(m.projectId).map(p -> p.code + " " + p.name)
                    .orElse("a project");
            return "Key milestone '" + m.title + "' of " + project + " is due on " + m.dueDate + ".";
        }).toList();
    }

    /** Participation and variant-choice activities, one item per municipality (by code) in order of occurrence. */
    private static List<String> perMunicipality(List<Activity> activities) {
        Map<String, List<String>> byMunicipality = activities.stream()
                .filter(a -> a.municipalityCode != null
                        && (a.type.startsWith("participation-") || a.type.startsWith("variant-choice-")))
                .collect(Collectors.groupingBy(a -> a.municipalityCode, TreeMap::new,
                        Collectors.mapping(a -> a.summary, Collectors.toList())));
        return byMunicipality.entrySet().stream().map(e -> e.getKey() + ": " + String.join(" ", e.getValue())).toList();
    }

    private static String field(Activity activity, String name) {
        try {
            return JSON.readTree(activity.data).path(name).asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
