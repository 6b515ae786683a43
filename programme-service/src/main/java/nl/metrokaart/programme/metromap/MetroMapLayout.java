package nl.metrokaart.programme.metromap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.metromap.MetroMap.Interchange;
import nl.metrokaart.programme.metromap.MetroMap.Line;
import nl.metrokaart.programme.metromap.MetroMap.Station;
import nl.metrokaart.programme.metromap.MetroMap.StationKind;
import nl.metrokaart.programme.metromap.MetroMap.TimeAxis;
import nl.metrokaart.programme.metromap.MetroMap.YearTick;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.planning.PlanningState;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.project.Project;

/**
 * Computes the metro map's layout: a pure function of the programme's data and today, in integer pixels, so that
 * equal input gives a byte-identical map. Each line gets a horizontal lane; x follows a shared time axis, and a
 * station that would come too close to its predecessor on the lane moves right just enough. Station labels are
 * drawn rotated 45 degrees above the lane (as on transit maps), so the lane's height is made to fit its longest label
 * and neighbouring labels, at least {@link #MIN_GAP} apart, run parallel without touching.
 */
final class MetroMapLayout {

    /** At most this many year ticks on the time axis. */
    static final int MAX_TICKS = 30;

    static final int PADDING = 24;
    static final int HEADER = 84;
    /** Room left of the lanes for the line names. */
    static final int LINE_NAMES = 240;
    static final int BASE_PLOT_WIDTH = 1100;
    static final int MAX_PLOT_WIDTH = 2400;
    /** Closest two stations on a lane may be, centre to centre: markers and rotated labels then stay clear. */
    static final int MIN_GAP = 30;
    /** Room under a lane for same-line dependency arcs and status badges. */
    static final int BELOW = 42;
    static final int AXIS_HEIGHT = 48;
    static final int LEGEND_ROW = 21;
    static final int LEGEND_HEADING = 30;
    static final int LEGEND_ROWS_MIN = 7;
    static final int LEGEND_WIDTH = 1000;

    static final int LABEL_FONT = 12;
    static final int MILESTONE_FONT = 11;
    static final int LABEL_DX = 8;
    static final int LABEL_DY = 15;
    static final int MAX_LABEL_CHARS = 40;
    static final String UNKNOWN_LINE_COLOUR = "#8C8C8C";
    private static final double SIN45 = Math.sqrt(0.5);

    private MetroMapLayout() {
    }

    static MetroMap layout(Programme programme, List<Project> projects, List<Milestone> keyMilestones,
            List<Dependency> dependencies, LocalDate today) {
        Map<UUID, Project> projectsById = new HashMap<>();
        projects.forEach(p -> projectsById.put(p.id, p));
        List<Dependency> links = dependencies.stream()
                .filter(d -> projectsById.containsKey(d.projectId) && projectsById.containsKey(d.predecessorId))
                .toList();
        Set<UUID> interchangeProjects = new HashSet<>();
        links.forEach(d -> {
            interchangeProjects.add(d.projectId);
            interchangeProjects.add(d.predecessorId);
        });

        Map<String, List<Entry>> lanes = lanes(programme, projects);
        projects.forEach(p -> lanes.get(p.line).add(Entry.of(p, interchangeProjects.contains(p.id))));
        keyMilestones.stream().filter(m -> projectsById.containsKey(m.projectId))
                .forEach(m -> {
                    Project project = projectsById.get(m.projectId);
                    lanes.get(project.line).add(Entry.of(m, project, PlanningState.of(m, today)));
                });
        lanes.values().forEach(lane -> lane.sort(Entry.TIME_ORDER));

        LocalDate start = programme.startDate;
        LocalDate end = programme.endDate;
        for (List<Entry> lane : lanes.values()) {
            for (Entry entry : lane) {
                start = entry.date.isBefore(start) ? entry.date : start;
                end = entry.date.isAfter(end) ? entry.date : end;
            }
        }
        if (!end.isAfter(start)) {
            end = start.plusDays(1);
        }
        int busiestLane = lanes.values().stream().mapToInt(List::size).max().orElse(0);
        TimeScale scale = new TimeScale(start, end, PADDING + LINE_NAMES,
                Math.max(BASE_PLOT_WIDTH, Math.min(MAX_PLOT_WIDTH, busiestLane * MIN_GAP * 2)));

        Map<String, String> colours = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        programme.lines.forEach(l -> {
            colours.put(l.code(), l.colour());
            names.put(l.code(), l.name());
        });

        List<Line> lines = new ArrayList<>();
        List<Station> stations = new ArrayList<>();
        int cursor = HEADER;
        int right = scale.endX();
        for (Map.Entry<String, List<Entry>> lane : lanes.entrySet()) {
            List<Entry> entries = lane.getValue();
            int above = 34;
            for (Entry entry : entries) {
                above = Math.max(above, LABEL_DY + (int) Math.ceil(labelWidth(entry.label) * SIN45) + entry.fontSize());
            }
            cursor += above;
            int y = cursor;
            cursor += BELOW;
            List<UUID> ids = new ArrayList<>();
            int previousX = Integer.MIN_VALUE;
            for (Entry entry : entries) {
                int x = Math.max(scale.x(entry.date), previousX == Integer.MIN_VALUE ? scale.startX() : previousX + MIN_GAP);
                previousX = x;
                right = Math.max(right, x + LABEL_DX + (int) Math.ceil(labelWidth(entry.label) * SIN45) + 8);
                stations.add(entry.station(lane.getKey(), x, y));
                ids.add(entry.id);
            }
            lines.add(new Line(lane.getKey(), names.getOrDefault(lane.getKey(), lane.getKey()),
                    colours.getOrDefault(lane.getKey(), UNKNOWN_LINE_COLOUR), y, List.copyOf(ids)));
        }

        int axisY = lines.isEmpty() ? HEADER + 24 : cursor + 8;
        List<YearTick> ticks = new ArrayList<>();
        int step = tickStep(end.getYear() - start.getYear() + 1);
        for (int year = Math.floorDiv(start.getYear() + step - 1, step) * step; year <= end.getYear(); year += step) {
            LocalDate newYear = LocalDate.of(year, 1, 1);
            if (!newYear.isBefore(start)) {
                ticks.add(new YearTick(year, scale.x(newYear)));
            }
        }
        Integer todayX = today.isBefore(start) || today.isAfter(end) ? null : scale.x(today);
        TimeAxis axis = new TimeAxis(start, end, scale.startX(), scale.endX(), axisY, List.copyOf(ticks), todayX);

        int legendRows = Math.max(LEGEND_ROWS_MIN, lines.size());
        int height = axisY + AXIS_HEIGHT + LEGEND_HEADING + legendRows * LEGEND_ROW + PADDING;
        int width = Math.max(right, PADDING + LEGEND_WIDTH) + PADDING;
        return new MetroMap(programme.id, programme.name, today, axis, List.copyOf(lines), List.copyOf(stations),
                interchanges(links, projectsById), width, height);
    }

    /** The programme's lines in legend order, then (sorted) any line a project names that the programme lacks. */
    private static Map<String, List<Entry>> lanes(Programme programme, List<Project> projects) {
        Map<String, List<Entry>> lanes = new LinkedHashMap<>();
        programme.lines.forEach(l -> lanes.put(l.code(), new ArrayList<>()));
        new TreeSet<>(projects.stream().map(p -> p.line).filter(code -> !lanes.containsKey(code)).toList())
                .forEach(code -> lanes.put(code, new ArrayList<>()));
        return lanes;
    }

    /**
     * The links by predecessor code, project code, type and id. Each link's projects are looked up once, before
     * sorting: a comparator that looked them up would do so for every one of the n log n comparisons.
     */
    private static List<Interchange> interchanges(List<Dependency> links, Map<UUID, Project> projects) {
        List<SortedLink> sorted = new ArrayList<>(links.size());
        for (Dependency d : links) {
            sorted.add(new SortedLink(projects.get(d.predecessorId), projects.get(d.projectId), d));
        }
        sorted.sort(SortedLink.ORDER);
        List<Interchange> interchanges = new ArrayList<>(sorted.size());
        for (SortedLink link : sorted) {
            Dependency d = link.dependency();
            interchanges.add(new Interchange(d.id, d.predecessorId, d.projectId, link.from().line, link.to().line,
                    d.type, d.lagDays, d.explanation));
        }
        return List.copyOf(interchanges);
    }

    /** A link with its two projects at hand. */
    private record SortedLink(Project from, Project to, Dependency dependency) {
        static final Comparator<SortedLink> ORDER = Comparator.<SortedLink, String>comparing(l -> l.from.code)
                .thenComparing(l -> l.to.code)
                .thenComparing(l -> l.dependency.type.value())
                .thenComparing(l -> l.dependency.id);
    }

    /** The text next to a station: code and name of a project, title of a milestone; long ones shortened. */
    static String label(Station station) {
        return station.kind() == StationKind.PROJECT ? labelOf(station.code(), station.name()) : labelOf(null, station.title());
    }

    static String labelOf(String code, String text) {
        String full = code == null ? text : code + " " + text;
        if (full.codePointCount(0, full.length()) <= MAX_LABEL_CHARS) {
            return full;
        }
        return full.substring(0, full.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)).stripTrailing() + "\u2026";
    }

    /**
     * Years between ticks: every year while that gives at most {@value #MAX_TICKS} ticks, else the smallest round
     * step that does, so the axis costs the same however far apart the dates lie.
     */
    static int tickStep(int years) {
        for (int step : new int[] {1, 2, 5, 10, 20, 25, 50, 100}) {
            if (years <= MAX_TICKS * step) {
                return step;
            }
        }
        return Math.max(1, years / MAX_TICKS);
    }

    /**
     * A deliberately generous estimate of a label's rendered width (the widest common sans-serif fonts average
     * under 0.62 em per character); the layout only needs it to keep labels clear of each other.
     */
    static int labelWidth(String label) {
        return (int) Math.ceil(label.codePointCount(0, label.length()) * LABEL_FONT * 0.62);
    }

    /** Maps dates to x: whole pixels, computed in integers so no floating point rounding can differ. */
    private record TimeScale(LocalDate start, LocalDate end, int startX, int plotWidth) {
        int x(LocalDate date) {
            long days = ChronoUnit.DAYS.between(start, end);
            long offset = ChronoUnit.DAYS.between(start, date);
            return startX + (int) ((offset * plotWidth + days / 2) / days);
        }

        int endX() {
            return startX + plotWidth;
        }
    }

    /** A station before it has a place: what it is, when, and how it sorts on its lane. */
    private record Entry(UUID id, StationKind kind, Project project, Milestone milestone, LocalDate date,
            String status, boolean interchange, String label) {

        /** Time order; on one day a project comes before milestones, then by priority rank, title and id. */
        static final Comparator<Entry> TIME_ORDER = Comparator.comparing(Entry::date)
                .thenComparing(Entry::kind)
                .thenComparingInt(e -> e.project.priorityRank)
                .thenComparing(e -> e.milestone == null ? "" : e.milestone.title)
                .thenComparing(Entry::id);

        static Entry of(Project p, boolean interchange) {
            return new Entry(p.id, StationKind.PROJECT, p, null, p.plannedStartDate, p.status.value(), interchange,
                    labelOf(p.code, p.name));
        }

        static Entry of(Milestone m, Project p, PlanningState status) {
            return new Entry(m.id, StationKind.MILESTONE, p, m, m.dueDate, status.value(), false, labelOf(null, m.title));
        }

        int fontSize() {
            return kind == StationKind.PROJECT ? LABEL_FONT : MILESTONE_FONT;
        }

        Station station(String line, int x, int y) {
            return kind == StationKind.PROJECT
                    ? new Station(id, kind, project.id, project.code, project.name, null, line, date,
                            project.plannedEndDate, status, interchange, x, y)
                    : new Station(id, kind, project.id, project.code, null, milestone.title, line, date, null, status,
                            false, x, y);
        }
    }
}
