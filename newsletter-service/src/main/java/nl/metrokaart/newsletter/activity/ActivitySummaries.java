package nl.metrokaart.newsletter.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.newsletter.text.Names;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;

/**
 * One readable sentence per activity, in the reader's language, from the event's short type and data: projects
 * and municipalities by name (read models), dates the Dutch or English way. Written when the activity is read or
 * sent, so it names things as they are known then, in the language of whoever reads it.
 */
@ApplicationScoped
public class ActivitySummaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Translations translations;

    @Inject
    Names names;

    @Inject
    ProgrammeTime time;

    public String of(Activity activity, Language language) {
        try {
            return of(activity.type, activity.projectId, activity.projectCode, JSON.readTree(activity.data), language);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity data is not JSON", e);
        }
    }

    String of(String type, UUID projectId, String projectCode, JsonNode data, Language language) {
        Texts t = translations.of(language);
        String project = names.project(projectId, projectCode, t);
        return switch (type) {
            case "project-created" -> t.projectCreated(project);
            case "project-changed" -> t.projectChanged(project);
            case "project-status-changed" -> t.projectStatusChanged(project, t.projectStatus(text(data, "fromStatus")),
                    t.projectStatus(text(data, "toStatus")), text(data, "explanation"));
            case "project-priority-changed" -> t.projectPriorityChanged(project, text(data, "fromRank"), text(data, "toRank"));
            case "milestone-scheduled" -> t.milestoneScheduled(text(data, "title"), key(data), project, date(data, "dueDate", language));
            case "milestone-rescheduled" -> t.milestoneRescheduled(text(data, "title"), key(data), project, date(data, "dueDate", language));
            case "milestone-achieved" -> t.milestoneAchieved(text(data, "title"), key(data), project, date(data, "achievedDate", language));
            case "milestone-missed" -> t.milestoneMissed(text(data, "title"), key(data), project, date(data, "dueDate", language));
            case "dependency-added" -> "influences".equals(text(data, "type"))
                    ? t.dependencyInfluences(project, predecessor(data, t)) : t.dependencyWaits(project, predecessor(data, t));
            case "dependency-removed" -> t.dependencyRemoved(project, predecessor(data, t));
            case "participation-registered", "participation-changed" -> t.participation(municipality(data),
                    data.path("participates").asBoolean(), project, t.implementationStatus(text(data, "implementationStatus")));
            case "variant-choice-made", "variant-choice-changed" -> "variant".equals(text(data, "approach"))
                    ? t.variantChoiceVariant(municipality(data), text(data, "variantName"), project)
                    : t.variantChoiceUniform(municipality(data), project);
            case "decision-recorded", "decision-changed" -> "uniform".equals(text(data, "outcome"))
                    ? t.decisionUniform(capitalised(t.decidingBody(text(data, "decidingBody"))), project)
                    : t.decisionVariantsAllowed(capitalised(t.decidingBody(text(data, "decidingBody"))), project);
            case "allocation-key-chosen" -> switch (text(data, "method")) {
                case "by-inhabitants" -> t.allocationKeyByInhabitants(project);
                case "weighted" -> t.allocationKeyWeighted(project, text(data, "inhabitantsWeightPercent"));
                default -> t.allocationKeyEqual(project);
            };
            case "cost-allocation-changed" -> costAllocation(t, project, data, language);
            default -> t.otherEvent(type, project);
        };
    }

    /** The budget and how many municipalities pay for it: what a newsletter reader wants to know. */
    private static String costAllocation(Texts t, String project, JsonNode data, Language language) {
        int payers = payingMunicipalities(data).size();
        String budget = euros(data.path("budgetCents").asLong(), language);
        return payers == 0 ? t.costAllocationUnpaid(project, budget) : t.costAllocationShared(project, budget, payers);
    }

    /** "€ 1.250.000,00" in Dutch, "€1,250,000.00" in English. */
    public static String euros(long cents, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language == Language.NL ? Locale.forLanguageTag("nl-NL") : Locale.UK);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(cents / 100.0);
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

    private String predecessor(JsonNode data, Texts t) {
        try {
            UUID id = UUID.fromString(text(data, "predecessorId"));
            String name = names.project(id, null, t);
            return name.equals(t.aProject()) ? t.anotherProject() : name;
        } catch (IllegalArgumentException e) {
            return t.anotherProject();
        }
    }

    private String municipality(JsonNode data) {
        return names.municipality(text(data, "municipalityCode"));
    }

    private String date(JsonNode data, String field, Language language) {
        String value = text(data, field);
        try {
            return time.date(LocalDate.parse(value), language);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** "De stuurgroep" at the start of a sentence. */
    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean key(JsonNode data) {
        return data.path("key").asBoolean();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
