package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One readable English sentence per activity, from the event's short type and data. The subject (usually the
 * project, as "CODE Name") is resolved by the caller, so sentences read the same whichever service sent them.
 */
final class ActivitySummaries {

    private ActivitySummaries() {
    }

    static String of(String type, String subject, JsonNode data) {
        return switch (type) {
            case "project-created" -> "Project " + subject + " was proposed.";
            case "project-changed" -> "Project " + subject + " was updated (planning, budget or owner).";
            case "project-status-changed" -> "Project " + subject + " went from " + text(data, "fromStatus")
                    + " to " + text(data, "toStatus") + explanation(data);
            case "project-priority-changed" -> "Project " + subject + " moved from priority " + text(data, "fromRank")
                    + " to " + text(data, "toRank") + ".";
            case "milestone-scheduled" -> milestone(data) + " of " + subject + " was scheduled for " + text(data, "dueDate") + ".";
            case "milestone-rescheduled" -> milestone(data) + " of " + subject + " moved to " + text(data, "dueDate") + ".";
            case "milestone-achieved" -> milestone(data) + " of " + subject + " was achieved on " + text(data, "achievedDate") + ".";
            case "milestone-missed" -> milestone(data) + " of " + subject + " was missed (due " + text(data, "dueDate") + ").";
            case "dependency-added" -> "Project " + subject + " now depends on another project (" + text(data, "type") + ").";
            case "dependency-removed" -> "A dependency of project " + subject + " was removed.";
            case "participation-registered", "participation-changed" -> municipality(data)
                    + (data.path("participates").asBoolean() ? " takes part in " : " does not take part in ") + subject
                    + " (" + text(data, "implementationStatus") + ").";
            case "variant-choice-made", "variant-choice-changed" -> municipality(data) + ("variant".equals(text(data, "approach"))
                    ? " keeps its own variant '" + text(data, "variantName") + "' for " : " follows the uniform process for ")
                    + subject + ".";
            case "decision-recorded", "decision-changed" -> "The " + text(data, "decidingBody").replace('-', ' ')
                    + " decided on " + subject + ": " + ("uniform".equals(text(data, "outcome"))
                    ? "one uniform way of working for all." : "municipalities may keep their own variant.");
            case "allocation-key-chosen" -> "The costs of " + subject + " are shared " + text(data, "method").replace('-', ' ') + ".";
            case "cost-allocation-changed" -> "The cost allocation of " + subject + " changed.";
            default -> "Event " + type + " about " + subject + ".";
        };
    }

    private static String milestone(JsonNode data) {
        return (data.path("key").asBoolean() ? "Key milestone '" : "Milestone '") + text(data, "title") + "'";
    }

    private static String municipality(JsonNode data) {
        return "Municipality " + text(data, "municipalityCode");
    }

    private static String explanation(JsonNode data) {
        String explanation = text(data, "explanation");
        return explanation.isBlank() ? "." : ": " + explanation;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
