package nl.metrokaart.newsletter.newsletter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Newsletter", description = "A numbered newsletter about a period of the programme.")
public record NewsletterResponse(
        UUID id,
        @Schema(description = "Sequence number, 1 for the first newsletter.", examples = "12") int number,
        String title,
        @Schema(description = "Opening text above the sections, if any.") String introduction,
        LocalDate periodStart,
        LocalDate periodEnd,
        NewsletterStatus status,
        @Schema(description = "Language of the issue.") Language language,
        @Schema(description = "The sections, in order.") List<NewsletterEdit.SectionDto> sections,
        @Schema(description = "Where the programme stands and the progress per municipality, as composed.") Overview overview,
        @Schema(description = "The programme whose metro map the issue shows.") UUID programmeId,
        @Schema(description = "Whether the issue shows the metro map (inline SVG in the page, a PNG in the e-mail).")
        boolean metroMapIncluded,
        @Schema(description = "When it was published; absent for a draft.") Instant publishedAt,
        @Schema(description = "Incremented on every change.") long version,
        Instant createdAt,
        Instant updatedAt) {

    static NewsletterResponse of(Newsletter n) {
        return new NewsletterResponse(n.id, n.number, n.title, n.introduction, n.periodStart, n.periodEnd,
                n.status, n.language,
                n.sections.stream().map(s -> new NewsletterEdit.SectionDto(s.key(), s.heading(), List.copyOf(s.items()))).toList(),
                n.overview == null ? Overview.empty() : n.overview, n.programmeId, n.metroMapSvg != null,
                n.publishedAt, n.version, n.createdAt, n.updatedAt);
    }
}
