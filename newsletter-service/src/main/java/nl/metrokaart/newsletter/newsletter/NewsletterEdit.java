package nl.metrokaart.newsletter.newsletter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewsletterEdit", description = "The editable parts of a draft newsletter, replaced whole.")
public record NewsletterEdit(
        @Schema(examples = "November in the programme") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Opening text above the sections.") @Size(max = 10000) String introduction,
        @Schema(description = "The sections, in order.") @NotNull @Size(max = 30) List<@Valid @NotNull SectionDto> sections) {

    @Schema(name = "NewsletterSection", description = "One section of a newsletter.")
    public record SectionDto(
            @Schema(description = "Stable key of the section, kebab-case.", examples = "milestones-achieved")
            @NotBlank @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "{nl.metrokaart.newsletter.newsletter.sectionKey}")
            @Size(max = 60) String key,
            @Schema(examples = "Milestones achieved") @NotBlank @Size(max = 200) String heading,
            @Schema(description = "The items, one readable text each.")
            @NotNull @Size(max = 500) List<@NotBlank @Size(max = 5000) String> items) {
    }
}
