package nl.metrokaart.newsletter.newsletter;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Where we stand" and the progress per municipality, as the newsletter was composed: counts, a compact status
 * table of the projects, and one row per municipality, named. A snapshot, so a published issue never changes.
 */
@Schema(name = "NewsletterOverview", description = "Where the programme stands, as the newsletter was composed.")
public record Overview(
        @Schema(description = "Number of projects in the programme.") int projects,
        @Schema(description = "Projects per status (only statuses that occur).") List<StatusCount> perStatus,
        @Schema(description = "Key milestones achieved so far.") int keyMilestonesAchieved,
        @Schema(description = "Key milestones missed so far.") int keyMilestonesMissed,
        @Schema(description = "Key milestones still open (due).") int keyMilestonesDue,
        @Schema(description = "One row per project, by name.") List<ProjectRow> projectRows,
        @Schema(description = "One row per municipality, by name.") List<MunicipalityRow> municipalities) {

    public static Overview empty() {
        return new Overview(0, List.of(), 0, 0, 0, List.of(), List.of());
    }

    public int realised() {
        return perStatus.stream().filter(s -> s.status().equals("realised")).mapToInt(StatusCount::count).sum();
    }

    public int inProgress() {
        return perStatus.stream().filter(s -> s.status().equals("in-progress") || s.status().equals("at-risk"))
                .mapToInt(StatusCount::count).sum();
    }

    @Schema(name = "NewsletterStatusCount")
    public record StatusCount(String status, @Schema(description = "The status in the newsletter's language.") String label,
            int count) {
    }

    @Schema(name = "NewsletterProjectRow")
    public record ProjectRow(@Schema(examples = "WION – Wet informatie-uitwisseling ondergrondse netten") String name,
            String status, String statusLabel, int keyMilestonesAchieved, int keyMilestones) {
    }

    @Schema(name = "NewsletterMunicipalityRow")
    public record MunicipalityRow(@Schema(examples = "Schoonhoven") String name, String code,
            @Schema(description = "Projects it takes part in.") int takesPart,
            @Schema(description = "Projects live in the municipality.") int live,
            @Schema(description = "Projects where it keeps its own variant.") int variants,
            @Schema(description = "What it did in the period, one sentence each.") List<String> activities) {
    }
}
