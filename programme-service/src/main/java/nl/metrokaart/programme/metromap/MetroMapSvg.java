package nl.metrokaart.programme.metromap;

import static nl.metrokaart.programme.metromap.MetroMapLayout.LABEL_DX;
import static nl.metrokaart.programme.metromap.MetroMapLayout.LABEL_DY;
import static nl.metrokaart.programme.metromap.MetroMapLayout.PADDING;

import nl.metrokaart.platform.language.Language;
import nl.metrokaart.programme.text.Texts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.metromap.MetroMap.Interchange;
import nl.metrokaart.programme.metromap.MetroMap.Line;
import nl.metrokaart.programme.metromap.MetroMap.Station;
import nl.metrokaart.programme.metromap.MetroMap.StationKind;
import nl.metrokaart.programme.metromap.MetroMap.YearTick;

/**
 * Draws a laid-out {@link MetroMap} as SVG in the style of a transit map: one thick coloured path per line, one
 * marker per station on it, black links between interchanges, rotated station labels, a time axis and a legend.
 * Class names are part of the contract: exactly one {@code path.line} per line and one {@code .station} per station,
 * so that clients (and tests) can find them; decorations use other classes.
 */
final class MetroMapSvg {

    static final String MEDIA_TYPE = "image/svg+xml";

    private static final String FONT = "'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";
    private static final String INK = "#1A1A1A";
    private static final String WHITE = "#FFFFFF";
    private static final String CANCELLED_FILL = "#EDEDED";
    private static final String CANCELLED_STROKE = "#A3A3A3";
    private static final String OVERDUE = "#D4001A";
    private static final String AT_RISK = "#FFB000";
    private static final String LEGEND_SAMPLE = "#4A4A4A";
    private static final int STATION_R = 7;
    private static final int INTERCHANGE_R = 10;
    private static final int LINE_OVERHANG = 18;

    /** Project statuses in the order of their life, as the legend lists them. */
    private static final List<String> PROJECT_STATUSES = List.of("proposed", "planned", "in-progress", "at-risk",
            "on-hold", "realised", "cancelled");
    private static final List<String> MILESTONE_STATUSES = List.of("upcoming", "overdue", "achieved");

    private static final String CSS = """
            .map-title { font-size: 22px; font-weight: bold; fill: #1A1A1A; }
            .subtitle { font-size: 12px; fill: #5A5A5A; }
            .line { fill: none; stroke-width: 10; stroke-linecap: round; stroke-linejoin: round; }
            .line-name { font-size: 13px; font-weight: bold; }
            .grid { stroke: #E6E6E6; stroke-width: 1; }
            .axis { stroke: #5A5A5A; stroke-width: 1; }
            .year { font-size: 12px; fill: #3A3A3A; }
            .today { stroke: #D4001A; stroke-width: 1.5; stroke-dasharray: 4 3; }
            .today-text { font-size: 11px; fill: #D4001A; }
            .station, .legend-marker { stroke-width: 3; }
            .milestone.status-overdue { stroke-width: 3; }
            .interchange-link, .legend-link { fill: none; stroke: #1A1A1A; stroke-width: 3; stroke-linecap: round; opacity: 0.85; }
            .influences { stroke-dasharray: 7 5; }
            .label { font-size: 12px; fill: #1A1A1A; paint-order: stroke; stroke: #FFFFFF; stroke-width: 3px; stroke-linejoin: round; }
            .label.milestone { font-size: 11px; font-style: italic; fill: #3A3A3A; }
            .label.status-cancelled { fill: #9A9A9A; text-decoration: line-through; }
            .legend-heading { font-size: 13px; font-weight: bold; fill: #1A1A1A; }
            .legend-text { font-size: 12px; fill: #1A1A1A; }
            """;

    private MetroMapSvg() {
    }

    /** The map with its texts in Dutch, the default. */
    static String write(MetroMap map) {
        return write(map, Texts.of(Language.DEFAULT));
    }

    /** The map with its texts (title, legend, tooltips, dates) in the language of {@code t}. */
    static String write(MetroMap map, Texts t) {
        Map<UUID, Station> stations = new HashMap<>();
        map.stations().forEach(s -> stations.put(s.id(), s));
        Map<String, String> colours = new HashMap<>();
        map.lines().forEach(l -> colours.put(l.code(), l.colour()));

        SvgWriter svg = new SvgWriter();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", map.width(), "height", map.height(),
                "viewBox", "0 0 " + map.width() + " " + map.height(), "role", "img",
                "aria-labelledby", "map-title map-desc", "font-family", FONT);
        svg.text("title", t.get("map.title", map.name()), "id", "map-title");
        svg.text("desc", t.get("map.description"), "id", "map-desc");
        svg.text("style", CSS);
        svg.empty("rect", "class", "background", "width", map.width(), "height", map.height(), "fill", WHITE);
        header(svg, map, t);
        axis(svg, map, t);
        links(svg, map, stations, t);
        lines(svg, map);
        stations(svg, map, colours, t);
        labels(svg, map);
        legend(svg, map, t);
        return svg.close("svg").finish();
    }

    private static void header(SvgWriter svg, MetroMap map, Texts t) {
        svg.open("g", "class", "header");
        svg.text("text", map.name(), "class", "map-title", "x", PADDING, "y", 36);
        svg.text("text", t.get("map.subtitle", t.date(map.axis().startDate()), t.date(map.axis().endDate()),
                t.date(map.today())), "class", "subtitle", "x", PADDING, "y", 58);
        svg.close("g");
    }

    private static void axis(SvgWriter svg, MetroMap map, Texts t) {
        MetroMap.TimeAxis axis = map.axis();
        int top = MetroMapLayout.HEADER - 12;
        svg.open("g", "class", "time-axis");
        for (YearTick tick : axis.ticks()) {
            svg.empty("line", "class", "grid", "x1", tick.x(), "y1", top, "x2", tick.x(), "y2", axis.y());
        }
        svg.empty("line", "class", "axis", "x1", axis.startX(), "y1", axis.y(), "x2", axis.endX(), "y2", axis.y());
        for (YearTick tick : axis.ticks()) {
            svg.empty("line", "class", "axis", "x1", tick.x(), "y1", axis.y(), "x2", tick.x(), "y2", axis.y() + 6);
            svg.text("text", String.valueOf(tick.year()), "class", "year", "x", tick.x() + 4, "y", axis.y() + 20);
        }
        if (axis.todayX() != null) {
            svg.empty("line", "class", "today", "x1", axis.todayX(), "y1", top, "x2", axis.todayX(), "y2", axis.y());
            svg.text("text", t.get("map.today"), "class", "today-text", "x", axis.todayX() + 4, "y", axis.y() - 4);
        }
        svg.close("g");
    }

    private static void links(SvgWriter svg, MetroMap map, Map<UUID, Station> stations, Texts t) {
        svg.open("g", "class", "interchange-links");
        for (Interchange link : map.interchanges()) {
            Station from = stations.get(link.fromProjectId());
            Station to = stations.get(link.toProjectId());
            String d;
            if (from.y() == to.y()) {
                // Same line: an arc under it, clear of the labels above.
                int mid = (from.x() + to.x()) / 2;
                d = "M " + from.x() + " " + from.y() + " Q " + mid + " " + (from.y() + 56) + " " + to.x() + " " + to.y();
            } else {
                int midY = (from.y() + to.y()) / 2;
                d = "M " + from.x() + " " + from.y() + " C " + from.x() + " " + midY + " " + to.x() + " " + midY + " "
                        + to.x() + " " + to.y();
            }
            String tooltip = t.get(link.type() == DependencyType.MUST_FINISH_BEFORE ? "link.must-finish-before"
                    : "link.influences", from.code(), to.code());
            svg.titled("path", link.lagDays() > 0 ? t.get("link.lag", tooltip, link.lagDays()) : tooltip,
                    "class", "interchange-link " + link.type().value(), "data-dependency", link.dependencyId(), "d", d);
        }
        svg.close("g");
    }

    private static void lines(SvgWriter svg, MetroMap map) {
        int start = map.axis().startX() - LINE_OVERHANG;
        svg.open("g", "class", "lines");
        for (Line line : map.lines()) {
            int end = start + 2 * LINE_OVERHANG;
            for (Station station : map.stations()) {
                if (station.line().equals(line.code())) {
                    end = Math.max(end, station.x() + LINE_OVERHANG);
                }
            }
            svg.titled("path", line.name(), "class", "line", "data-line", line.code(), "stroke", line.colour(),
                    "d", "M " + start + " " + line.y() + " H " + end);
            svg.text("text", shorten(line.name(), 26), "class", "line-name", "fill", line.colour(),
                    "x", start - 14, "y", line.y() + 5, "text-anchor", "end");
        }
        svg.close("g");
    }

    private static void stations(SvgWriter svg, MetroMap map, Map<String, String> colours, Texts t) {
        svg.open("g", "class", "stations");
        for (Station station : map.stations()) {
            String colour = colours.get(station.line());
            // The tooltip has the full name; the label may be shortened.
            String tooltip = t.get("map.station", station.kind() == StationKind.PROJECT ? station.code() + " " + station.name()
                    : station.code() + ": " + station.title(), t.get((station.kind() == StationKind.PROJECT ? "status."
                    : "milestone.") + station.status()), t.date(station.date()));
            if (station.kind() == StationKind.PROJECT) {
                projectMarker(svg, "station", station, station.x(), station.y(), station.status(), colour,
                        station.interchange(), tooltip);
            } else {
                milestoneMarker(svg, "station", station, station.x(), station.y(), station.status(), colour, tooltip);
            }
        }
        svg.close("g");
    }

    /** Status shows as fill, outline and a small glyph, so it reads without relying on colour alone. */
    private static void projectMarker(SvgWriter svg, String cssClass, Station station, int x, int y, String status,
            String colour, boolean interchange, String tooltip) {
        int r = interchange ? INTERCHANGE_R : STATION_R;
        String stroke = interchange ? INK : colour;
        String fill = WHITE;
        if ("realised".equals(status)) {
            fill = colour;
        } else if ("cancelled".equals(status)) {
            fill = CANCELLED_FILL;
            stroke = CANCELLED_STROKE;
        }
        String classes = cssClass + " project status-" + status + (interchange ? " interchange" : "");
        svg.titled("circle", tooltip, "class", classes,
                "data-station", station == null ? null : station.id(),
                "data-line", station == null ? null : station.line(),
                "data-status", station == null ? null : status,
                "cx", x, "cy", y, "r", r, "fill", fill, "stroke", stroke,
                "stroke-dasharray", "proposed".equals(status) ? "3 2" : null);
        switch (status) {
            case "in-progress" -> svg.empty("circle", "class", "status-glyph", "cx", x, "cy", y, "r", r - 4, "fill", colour);
            case "at-risk" -> {
                svg.empty("circle", "class", "status-glyph", "cx", x, "cy", y, "r", r - 4, "fill", colour);
                int bx = x + r + 2;
                int by = y + r + 1;
                svg.empty("path", "class", "status-glyph", "d", "M " + bx + " " + (by - 7) + " L " + (bx + 7) + " "
                        + (by + 5) + " L " + (bx - 7) + " " + (by + 5) + " Z", "fill", AT_RISK, "stroke", INK,
                        "stroke-width", 1, "stroke-linejoin", "round");
                svg.empty("path", "class", "status-glyph", "d", "M " + bx + " " + (by - 3) + " V " + (by + 1) + " M "
                        + bx + " " + (by + 3) + " V " + (by + 4), "stroke", INK, "stroke-width", 1.6);
            }
            case "on-hold" -> svg.empty("path", "class", "status-glyph", "d", "M " + (x - 2) + " " + (y - 3) + " V "
                    + (y + 3) + " M " + (x + 2) + " " + (y - 3) + " V " + (y + 3), "stroke", INK, "stroke-width", 2);
            case "realised" -> svg.empty("path", "class", "status-glyph", "d", "M " + (x - 3) + " " + y + " L "
                    + (x - 1) + " " + (y + 3) + " L " + (x + 3) + " " + (y - 3), "fill", "none", "stroke", WHITE,
                    "stroke-width", 2, "stroke-linecap", "round", "stroke-linejoin", "round");
            case "cancelled" -> {
                int c = r + 3;
                svg.empty("path", "class", "status-glyph", "d", "M " + (x - c) + " " + (y - c) + " L " + (x + c) + " "
                        + (y + c) + " M " + (x + c) + " " + (y - c) + " L " + (x - c) + " " + (y + c),
                        "stroke", "#7A7A7A", "stroke-width", 2, "stroke-linecap", "round");
            }
            default -> {
                // proposed (dashed outline) and planned (plain) need no glyph.
            }
        }
    }

    /** A diamond: filled once achieved, outlined in red while overdue. */
    private static void milestoneMarker(SvgWriter svg, String cssClass, Station station, int x, int y, String status,
            String colour, String tooltip) {
        svg.titled("rect", tooltip, "class", cssClass + " milestone status-" + status,
                "data-station", station == null ? null : station.id(),
                "data-line", station == null ? null : station.line(),
                "data-status", station == null ? null : status,
                "x", x - 5, "y", y - 5, "width", 10, "height", 10, "transform", "rotate(45 " + x + " " + y + ")",
                "fill", "achieved".equals(status) ? colour : WHITE,
                "stroke", "overdue".equals(status) ? OVERDUE : colour);
    }

    private static void labels(SvgWriter svg, MetroMap map) {
        svg.open("g", "class", "labels");
        for (Station station : map.stations()) {
            int x = station.x() + LABEL_DX;
            int y = station.y() - LABEL_DY;
            String label = MetroMapLayout.label(station);
            String transform = "rotate(-45 " + x + " " + y + ")";
            String classes = "label " + station.kind().value() + " status-" + station.status();
            if (station.kind() == StationKind.PROJECT && label.startsWith(station.code() + " ")) {
                svg.boldPrefixText(station.code(), label.substring(station.code().length()), "class", classes,
                        "x", x, "y", y, "transform", transform);
            } else {
                svg.text("text", label, "class", classes, "x", x, "y", y, "transform", transform);
            }
        }
        svg.close("g");
    }

    private static void legend(SvgWriter svg, MetroMap map, Texts t) {
        int top = map.axis().y() + MetroMapLayout.AXIS_HEIGHT;
        int rows = top + MetroMapLayout.LEGEND_HEADING;
        int step = MetroMapLayout.LEGEND_ROW;
        int[] columns = {PADDING, PADDING + 280, PADDING + 480, PADDING + 680};
        svg.open("g", "class", "legend");

        svg.text("text", t.get("legend.lines"), "class", "legend-heading", "x", columns[0], "y", top + 14);
        for (int i = 0; i < map.lines().size(); i++) {
            Line line = map.lines().get(i);
            int y = rows + i * step;
            svg.empty("path", "class", "legend-line", "d", "M " + (columns[0] + 4) + " " + y + " H " + (columns[0] + 38),
                    "stroke", line.colour(), "stroke-width", 8, "stroke-linecap", "round");
            svg.text("text", shorten(line.name(), 30), "class", "legend-text", "x", columns[0] + 50, "y", y + 4);
        }

        svg.text("text", t.get("legend.project-status"), "class", "legend-heading", "x", columns[1], "y", top + 14);
        for (int i = 0; i < PROJECT_STATUSES.size(); i++) {
            int y = rows + i * step;
            String status = PROJECT_STATUSES.get(i);
            String label = t.get("status." + status);
            projectMarker(svg, "legend-marker", null, columns[1] + 10, y, status, LEGEND_SAMPLE, false, label);
            svg.text("text", label, "class", "legend-text", "x", columns[1] + 34, "y", y + 4);
        }

        svg.text("text", t.get("legend.key-milestones"), "class", "legend-heading", "x", columns[2], "y", top + 14);
        for (int i = 0; i < MILESTONE_STATUSES.size(); i++) {
            int y = rows + i * step;
            String status = MILESTONE_STATUSES.get(i);
            String label = t.get("milestone." + status);
            milestoneMarker(svg, "legend-marker", null, columns[2] + 10, y, status, LEGEND_SAMPLE, label);
            svg.text("text", label, "class", "legend-text", "x", columns[2] + 34, "y", y + 4);
        }

        svg.text("text", t.get("legend.dependencies"), "class", "legend-heading", "x", columns[3], "y", top + 14);
        projectMarker(svg, "legend-marker", null, columns[3] + 10, rows, "planned", LEGEND_SAMPLE, true,
                t.get("legend.interchange"));
        svg.text("text", t.get("legend.interchange-text"), "class", "legend-text", "x", columns[3] + 34,
                "y", rows + 4);
        svg.empty("path", "class", "legend-link", "d", "M " + columns[3] + " " + (rows + step) + " H " + (columns[3] + 22));
        svg.text("text", t.get("legend.must-finish-before"), "class", "legend-text", "x", columns[3] + 34, "y", rows + step + 4);
        svg.empty("path", "class", "legend-link influences",
                "d", "M " + columns[3] + " " + (rows + 2 * step) + " H " + (columns[3] + 22));
        svg.text("text", t.get("legend.influences"), "class", "legend-text", "x", columns[3] + 34, "y", rows + 2 * step + 4);
        svg.empty("line", "class", "today", "x1", columns[3] + 10, "y1", rows + 3 * step - 8, "x2", columns[3] + 10,
                "y2", rows + 3 * step + 8);
        svg.text("text", t.get("legend.today"), "class", "legend-text", "x", columns[3] + 34, "y", rows + 3 * step + 4);
        svg.close("g");
    }

    private static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }
}
