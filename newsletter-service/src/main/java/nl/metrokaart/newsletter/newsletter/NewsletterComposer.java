package nl.metrokaart.newsletter.newsletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.metrokaart.newsletter.activity.Activity;
import nl.metrokaart.newsletter.activity.ActivityService;
import nl.metrokaart.newsletter.activity.ActivitySummaries;
import nl.metrokaart.newsletter.meeting.Meeting;
import nl.metrokaart.newsletter.meeting.MeetingService;
import nl.metrokaart.newsletter.municipality.MunicipalityKnowledge;
import nl.metrokaart.newsletter.project.KnownMilestone;
import nl.metrokaart.newsletter.project.KnownProject;
import nl.metrokaart.newsletter.project.KnownProjects;
import nl.metrokaart.newsletter.text.Names;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;

/**
 * Composes a newsletter, in its language, from the activities that occurred in its period (calendar days of the
 * programme's time zone), the key milestones and meetings coming up after it, and what this service knows of the
 * projects and municipalities (names, statuses, participation). Every text section is present, also when empty,
 * so the manager can fill it in.
 */
@ApplicationScoped
public class NewsletterComposer {

    /** How far after the period upcoming key milestones and meetings are announced. */
    static final int UPCOMING_DAYS = 42;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUS_ORDER = List.of("realised", "in-progress", "at-risk", "planned", "proposed",
            "on-hold", "cancelled");

    @Inject
    Translations translations;

    @Inject
    ActivitySummaries summaries;

    @Inject
    Names names;

    @Inject
    ActivityService activities;

    @Inject
    MeetingService meetings;

    @Inject
    KnownProjects knownProjects;

    @Inject
    MunicipalityKnowledge municipalityKnowledge;

    @Inject
    ProgrammeTime time;

    public List<Newsletter.Section> compose(LocalDate periodStart, LocalDate periodEnd, Language language) {
        Texts t = translations.of(language);
        List<Activity> activities = activities(periodStart, periodEnd);
        Predicate<Activity> realised = a -> a.type.equals("project-status-changed") && "realised".equals(field(a, "toStatus"));
        Predicate<Activity> keyAchieved = a -> a.type.equals("milestone-achieved") && a.keyMilestone;
        List<Newsletter.Section> sections = new ArrayList<>();
        sections.add(section("highlights", t.sectionHighlights(), activities, realised.or(keyAchieved), language));
        sections.add(section("milestones-achieved", t.sectionMilestonesAchieved(), activities,
                a -> a.type.equals("milestone-achieved"), language));
        sections.add(section("milestones-missed", t.sectionMilestonesMissed(), activities, a -> a.type.equals("milestone-missed"), language));
        sections.add(new Newsletter.Section("upcoming-key-milestones", t.sectionUpcomingKeyMilestones(), upcoming(periodEnd, language)));
        sections.add(new Newsletter.Section("upcoming-meetings", t.sectionUpcomingMeetings(), meetings(periodEnd, language)));
        sections.add(section("decisions-taken", t.sectionDecisionsTaken(), activities,
                a -> a.type.equals("decision-recorded") || a.type.equals("decision-changed"), language));
        return sections;
    }

    /**
     * Where the programme stands now (its projects, or every known project when no programme is known), and each
     * municipality's progress up to the end of the period.
     */
    public Overview overview(LocalDate periodStart, LocalDate periodEnd, UUID programmeId, Language language) {
        Texts t = translations.of(language);
        List<KnownProject> projects = knownProjects.ofProgramme(programmeId);
        java.util.Set<UUID> ids = projects.stream().map(p -> p.id).collect(Collectors.toSet());
        List<KnownMilestone> keyMilestones = knownProjects.keyMilestones().stream()
                .filter(m -> ids.contains(m.projectId)).toList();
        Map<String, Integer> perStatus = new TreeMap<>(Comparator.comparingInt(NewsletterComposer::statusRank));
        projects.forEach(p -> perStatus.merge(p.status, 1, Integer::sum));
        List<Overview.ProjectRow> rows = projects.stream().map(p -> {
            List<KnownMilestone> own = keyMilestones.stream().filter(m -> m.projectId.equals(p.id)).toList();
            int achieved = (int) own.stream().filter(m -> m.achievedDate != null || "achieved".equals(m.status)).count();
            return new Overview.ProjectRow(Names.project(p), p.status, t.projectStatus(p.status), achieved, own.size());
        }).toList();
        int achieved = (int) keyMilestones.stream().filter(m -> m.achievedDate != null || "achieved".equals(m.status)).count();
        int missed = (int) keyMilestones.stream().filter(m -> m.achievedDate == null && "missed".equals(m.status)).count();
        return new Overview(projects.size(),
                perStatus.entrySet().stream().map(e -> new Overview.StatusCount(e.getKey(), t.projectStatus(e.getKey()), e.getValue())).toList(),
                achieved, missed, keyMilestones.size() - achieved - missed, rows,
                municipalities(periodStart, periodEnd, language));
    }

    private static int statusRank(String status) {
        int rank = STATUS_ORDER.indexOf(status);
        return rank < 0 ? STATUS_ORDER.size() : rank;
    }

    private List<Activity> activities(LocalDate periodStart, LocalDate periodEnd) {
        Instant from = periodStart.atStartOfDay(time.zone()).toInstant();
        Instant until = periodEnd.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return activities.between(from, until);
    }

    private Newsletter.Section section(String key, String heading, List<Activity> activities, Predicate<Activity> belongs,
            Language language) {
        return new Newsletter.Section(key, heading, activities.stream().filter(belongs).map(a -> summaries.of(a, language)).toList());
    }

    /** Key milestones not achieved, due in the weeks after the period, by due date. */
    private List<String> upcoming(LocalDate periodEnd, Language language) {
        Texts t = translations.of(language);
        List<KnownMilestone> milestones = knownProjects.openKeyMilestonesDue(periodEnd.plusDays(1),
                periodEnd.plusDays(UPCOMING_DAYS));
        return milestones.stream().map(m -> t.keyMilestoneDue(m.title, names.project(m.projectId, null, t),
                time.date(m.dueDate, language))).toList();
    }

    /** Meetings (not cancelled) starting in the weeks after the period. */
    private List<String> meetings(LocalDate periodEnd, Language language) {
        Texts t = translations.of(language);
        Instant from = periodEnd.plusDays(1).atStartOfDay(time.zone()).toInstant();
        Instant until = periodEnd.plusDays(UPCOMING_DAYS + 1).atStartOfDay(time.zone()).toInstant();
        List<Meeting> meetings = this.meetings.startingBetween(from, until);
        return meetings.stream().map(m -> t.meetingItem(m.title, time.span(m.startsAt, m.endsAt, language), m.location)).toList();
    }

    /**
     * Per municipality (by name): how many projects it takes part in, how many are live there and where it keeps
     * its own variant, from the latest participation and variant choice per project up to the end of the period,
     * and what it did in the period.
     */
    private List<Overview.MunicipalityRow> municipalities(LocalDate periodStart, LocalDate periodEnd, Language language) {
        Instant from = periodStart.atStartOfDay(time.zone()).toInstant();
        Instant until = periodEnd.plusDays(1).atStartOfDay(time.zone()).toInstant();
        List<Activity> history = activities.municipalChoicesBefore(until);
        Map<String, Map<UUID, JsonNode>> participation = new TreeMap<>();
        Map<String, Map<UUID, JsonNode>> choice = new TreeMap<>();
        Map<String, List<String>> inPeriod = new LinkedHashMap<>();
        for (Activity a : history) {
            JsonNode data = data(a);
            (a.type.startsWith("participation-") ? participation : choice)
                    .computeIfAbsent(a.municipalityCode, c -> new LinkedHashMap<>()).put(a.projectId, data);
            if (!a.occurredAt.isBefore(from)) {
                inPeriod.computeIfAbsent(a.municipalityCode, c -> new ArrayList<>()).add(summaries.of(a, language));
            }
        }
        Map<String, String> known = municipalityKnowledge.all().stream()
                .collect(Collectors.toMap(m -> m.code, m -> m.name));
        java.util.Set<String> codes = new java.util.TreeSet<>(known.keySet());
        codes.addAll(participation.keySet());
        codes.addAll(choice.keySet());
        return codes.stream().map(code -> {
            Map<UUID, JsonNode> parts = participation.getOrDefault(code, Map.of());
            int takesPart = (int) parts.values().stream().filter(d -> d.path("participates").asBoolean()).count();
            int live = (int) parts.values().stream()
                    .filter(d -> d.path("participates").asBoolean() && "live".equals(d.path("implementationStatus").asText())).count();
            int variants = (int) choice.getOrDefault(code, Map.of()).values().stream()
                    .filter(d -> "variant".equals(d.path("approach").asText())).count();
            return new Overview.MunicipalityRow(known.getOrDefault(code, code), code, takesPart, live, variants,
                    inPeriod.getOrDefault(code, List.of()));
        }).sorted(Comparator.comparing(Overview.MunicipalityRow::name)).toList();
    }

    private static JsonNode data(Activity activity) {
        try {
            return JSON.readTree(activity.data);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String field(Activity activity, String name) {
        return data(activity).path(name).asText(null);
    }
}
