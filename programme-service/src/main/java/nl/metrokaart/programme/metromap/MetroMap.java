package nl.metrokaart.programme.metromap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.programme.dependency.DependencyType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The programme drawn as a metro map: themes are lines, projects and key milestones are stations, dependencies are
 * interchanges. Coordinates are pixels on a canvas of {@code width} x {@code height}, origin top left; the same data
 * on the same day always gives the same map.
 */
@Schema(name = "MetroMap", description = "The programme as a metro map, with a computed layout.")
public record MetroMap(
        UUID programmeId,
        String name,
        @Schema(format = "date", description = "The day milestone statuses were determined on (Europe/Amsterdam).")
        LocalDate today,
        TimeAxis axis,
        @Schema(description = "The lines in legend order, each with its stations in time order.") List<Line> lines,
        @Schema(description = "All stations, line by line in time order.") List<Station> stations,
        List<Interchange> interchanges,
        @Schema(description = "Canvas width in pixels.") int width,
        @Schema(description = "Canvas height in pixels.") int height) {

    @Schema(name = "MetroMapLine", description = "A theme drawn as one line, on its own horizontal lane.")
    public record Line(
            @Schema(examples = "key-registers") String code,
            String name,
            @Schema(examples = "#E3001B") String colour,
            @Schema(description = "Vertical position of the lane.") int y,
            @Schema(description = "Ids of the line's stations, in time order.") List<UUID> stations) {
    }

    @Schema(name = "MetroMapStationKind", type = SchemaType.STRING, enumeration = {"project", "milestone"})
    public enum StationKind {
        PROJECT("project"),
        MILESTONE("milestone");

        private final String value;

        StationKind(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetroMapStation", description = "A project (at its planned start) or a key milestone (at its "
            + "due date) on the line of its project.")
    public record Station(
            @Schema(description = "The project id for a project station, the milestone id for a milestone station.")
            UUID id,
            StationKind kind,
            UUID projectId,
            @Schema(description = "Code of the project (of the milestone's project for a milestone).") String code,
            @Schema(description = "Name of the project; absent for a milestone.") String name,
            @Schema(description = "Title of the milestone; absent for a project.") String title,
            @Schema(description = "Code of the line the station is on.") String line,
            @Schema(format = "date", description = "Planned start of the project, or due date of the milestone.")
            LocalDate date,
            @Schema(format = "date", description = "Planned end of the project; absent for a milestone.")
            LocalDate endDate,
            @Schema(description = "Project status, or for a milestone upcoming, overdue or achieved.",
                    enumeration = {"proposed", "planned", "in-progress", "at-risk", "on-hold", "realised", "cancelled",
                            "upcoming", "overdue", "achieved"})
            String status,
            @Schema(description = "Whether a dependency starts or ends here.") boolean interchange,
            int x,
            int y) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetroMapInterchange", description = "A dependency: toProjectId depends on fromProjectId.")
    public record Interchange(
            UUID dependencyId,
            @Schema(description = "The predecessor.") UUID fromProjectId,
            @Schema(description = "The project that depends on the predecessor.") UUID toProjectId,
            String fromLine,
            String toLine,
            DependencyType type,
            int lagDays,
            String explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetroMapTimeAxis", description = "The time axis stations are placed on, left to right. A "
            + "station is moved right of its date only as far as needed to keep clear of the one before it.")
    public record TimeAxis(
            @Schema(format = "date") LocalDate startDate,
            @Schema(format = "date") LocalDate endDate,
            @Schema(description = "x of startDate.") int startX,
            @Schema(description = "x of endDate.") int endX,
            @Schema(description = "Vertical position of the axis.") int y,
            @Schema(description = "The first of January of each year on the axis.") List<YearTick> ticks,
            @Schema(description = "x of today; absent when today is outside the axis.") Integer todayX) {
    }

    @Schema(name = "MetroMapYearTick")
    public record YearTick(int year, int x) {
    }
}
