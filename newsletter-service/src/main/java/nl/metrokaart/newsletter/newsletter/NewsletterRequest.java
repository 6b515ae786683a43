package nl.metrokaart.newsletter.newsletter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewsletterRequest", description = "The period a new newsletter covers; it is composed from that period's activities.")
public record NewsletterRequest(
        @Schema(description = "First day of the period (inclusive), ISO 8601 date.", examples = "2026-11-01")
        @NotNull LocalDate periodStart,
        @Schema(description = "Last day of the period (inclusive), not before periodStart.", examples = "2026-11-30")
        @NotNull LocalDate periodEnd,
        @Schema(description = "Title; by default \"Metrokaart newsletter <number>\".", examples = "November in the programme")
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}") String title,
        @Schema(description = "The programme manager's introduction, the opening text of the issue; editable in the draft.")
        @Size(max = 10000) String introduction,
        @Schema(description = "Language of the issue: nl (default) or en. It is e-mailed to the subscribers of that language.")
        Language language,
        @Schema(description = "The programme whose metro map the issue shows; by default the programme of the known projects.")
        UUID programmeId) {

    @JsonIgnore // a validation rule, not a field of the body
    @AssertTrue(message = "{nl.metrokaart.newsletter.newsletter.periodEnd}")
    @Schema(hidden = true)
    public boolean isPeriodEnd() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }
}
