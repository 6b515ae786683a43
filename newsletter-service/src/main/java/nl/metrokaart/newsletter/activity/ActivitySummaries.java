package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One readable English sentence per activity, from the event's short type and data. The subject (usually the
 * project, as "CODE Name") is resolved by the caller, so sentences read the same whichever service sent them;
 * {@code projectName} names other projects an event mentions (the predecessor of a dependency).
 */
final class ActivitySummaries {

    private ActivitySummaries() {
    }

    static String of(String type, String subject, JsonNode data, Function<String, String> projectName) {
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
            case "dependency-added" -> "influences".equals(text(data, "type"))
                    ? "Choices in " + predecessor(data, projectName) + " now influence project " + subject + "."
                    : "Project " + subject + " now waits for " + predecessor(data, projectName) + " to finish.";
            case "dependency-removed" -> "Project " + subject + " no longer depends on " + predecessor(data, projectName) + ".";
            case "participation-registered", "participation-changed" -> municipality(data)
                    + (data.path("participates").asBoolean() ? " takes part in " : " does not take part in ") + subject
                    + " (" + text(data, "implementationStatus") + ").";
            case "variant-choice-made", "variant-choice-changed" -> municipality(data) + ("variant".equals(text(data, "approach"))
                    ? " keeps its own variant '" + text(data, "variantName") + "' for " : " follows the uniform process for ")
                    + subject + ".";
            case "decision-recorded", "decision-changed" -> "The " + text(data, "decidingBody").replace('-', ' ')
                    + " decided on " + subject + ": " + ("uniform".equals(text(data, "outcome"))
                    ? "one uniform way of working for all." : "municipalities may keep their own variant.");
            case "allocation-key-chosen" -> "The costs of " + subject + " are shared " + allocationKey(data) + ".";
            case "cost-allocation-changed" -> costAllocation(subject, data);
            default -> "Event " + type + " about " + subject + ".";
        };
    }

    private static String predecessor(JsonNode data, Function<String, String> projectName) {
        String name = projectName.apply(text(data, "predecessorId"));
        return name == null ? "another project" : name;
    }

    private static String allocationKey(JsonNode data) {
        return switch (text(data, "method")) {
            case "equal-share" -> "in equal parts";
            case "by-inhabitants" -> "by number of inhabitants";
            case "weighted" -> text(data, "inhabitantsWeightPercent") + "% by number of inhabitants, the rest in equal parts";
            default -> "by method " + text(data, "method");
        };
    }

    /** The budget and how many municipalities pay for it: what a newsletter reader wants to know. */
    private static String costAllocation(String subject, JsonNode data) {
        int payers = payingMunicipalities(data).size();
        String budget = String.format(Locale.ROOT, "EUR %,.2f", data.path("budgetCents").asLong() / 100.0);
        return payers == 0
                ? "The budget of " + subject + " (" + budget + ") has no municipality to pay for it yet."
                : "The budget of " + subject + " (" + budget + ") is now shared by " + payers
                        + (payers == 1 ? " municipality." : " municipalities.");
    }

    /** The municipalities a cost allocation's data has paying more than nothing. */
    static Set<String> payingMunicipalities(JsonNode data) {
        Set<String> codes = new TreeSet<>();
        for (JsonNode share : data.path("shares")) {
            JsonNode code = share.path("municipalityCode");
            if (code.isTextual() && share.path("amountCents").asLong() > 0) {
                codes.add(code.asText());
            }
        }
        return codes;
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
