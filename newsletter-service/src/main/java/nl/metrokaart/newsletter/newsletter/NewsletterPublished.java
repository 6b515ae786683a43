package nl.metrokaart.newsletter.newsletter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code newsletter-published}: a thin notification (CloudEvents NL "informatiearm notificeren"). The
 * sections of a newsletter can be far larger than a Kafka record may be, so the event carries what identifies the
 * newsletter and its {@code dataref} the path of the full newsletter ({@code GET /api/v1/newsletters/{id}}).
 */
public record NewsletterPublished(UUID id, int number, String title, LocalDate periodStart, LocalDate periodEnd,
        NewsletterStatus status, Instant publishedAt, long version) {

    static NewsletterPublished of(Newsletter newsletter) {
        return new NewsletterPublished(newsletter.id, newsletter.number, newsletter.title, newsletter.periodStart,
                newsletter.periodEnd, newsletter.status, newsletter.publishedAt, newsletter.version);
    }
}
