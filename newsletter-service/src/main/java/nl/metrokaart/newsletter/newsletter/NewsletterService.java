package nl.metrokaart.newsletter.newsletter;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.events.CommunicationEvents;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.Cursors;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;

/**
 * The rules of newsletters: numbered in sequence, composed from the period's activities, editable while draft,
 * immutable once published. Publishing records newsletter-published in the outbox and queues the newsletter to
 * every subscribed address, in the same transaction.
 */
@ApplicationScoped
public class NewsletterService {

    @Inject
    NewsletterComposer composer;

    @Inject
    Preconditions preconditions;

    @Inject
    CommunicationEvents events;

    @Inject
    MailQueue mail;

    @Inject
    Subscribers subscribers;

    @Inject
    EntityManager entityManager;

    @Location("newsletter.html")
    Template html;

    @Location("newsletter.txt")
    Template text;

    /** Newest first (highest number), a page at a time; the cursor is the number of the last one of the page. */
    public Page<NewsletterResponse> list(String cursor, int limit) {
        List<Newsletter> fetched;
        if (cursor == null) {
            fetched = Newsletter.<Newsletter>find("order by number desc").range(0, limit).list();
        } else {
            int after;
            try {
                after = Integer.parseInt(Cursors.decode(cursor, "cursor"));
            } catch (NumberFormatException e) {
                throw Cursors.invalid("cursor");
            }
            fetched = Newsletter.<Newsletter>find("number < ?1 order by number desc", after).range(0, limit).list();
        }
        return Page.ofFetched(fetched, limit, n -> String.valueOf(n.number), NewsletterResponse::of);
    }

    public Newsletter get(UUID id) {
        return Newsletter.<Newsletter>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Newsletter create(NewsletterRequest request) {
        Newsletter newsletter = new Newsletter();
        newsletter.id = UUID.randomUUID();
        newsletter.number = ((Number) entityManager.createNativeQuery("SELECT nextval('newsletter_number')").getSingleResult()).intValue();
        newsletter.title = request.title() == null ? "Metrokaart newsletter " + newsletter.number : request.title().strip();
        newsletter.periodStart = request.periodStart();
        newsletter.periodEnd = request.periodEnd();
        newsletter.status = NewsletterStatus.DRAFT.value();
        newsletter.sections = new ArrayList<>(composer.compose(request.periodStart(), request.periodEnd()));
        newsletter.createdAt = StoredTime.now();
        newsletter.updatedAt = newsletter.createdAt;
        newsletter.persist();
        entityManager.flush();
        return newsletter;
    }

    @Transactional
    public Newsletter edit(UUID id, String ifMatch, NewsletterEdit edit) {
        Newsletter newsletter = lockDraft(id, ifMatch, "edited");
        newsletter.title = edit.title().strip();
        newsletter.introduction = edit.introduction() == null || edit.introduction().isBlank() ? null : edit.introduction().strip();
        newsletter.sections = new ArrayList<>(edit.sections().stream()
                .map(s -> new Newsletter.Section(s.key(), s.heading().strip(), s.items().stream().map(String::strip).toList()))
                .toList());
        newsletter.updatedAt = StoredTime.now();
        entityManager.flush();
        return newsletter;
    }

    @Transactional
    public Newsletter publish(UUID id, String ifMatch) {
        Newsletter newsletter = lockDraft(id, ifMatch, "published again");
        newsletter.status = NewsletterStatus.PUBLISHED.value();
        newsletter.publishedAt = StoredTime.now();
        newsletter.updatedAt = newsletter.publishedAt;
        entityManager.flush();
        NewsletterResponse representation = NewsletterResponse.of(newsletter);
        events.newsletterPublished(newsletter.id, NewsletterPublished.of(newsletter));
        String page = html(representation);
        String plain = text.data("newsletter", representation).render();
        mail.queueToEach(subscribers.all(), s -> s.email, s -> MailMessage.text(s.email,
                "[Metrokaart] " + newsletter.title + " (no. " + newsletter.number + ")", plain).withHtml(page));
        return newsletter;
    }

    /** The newsletter as a self-contained HTML page. */
    public String html(NewsletterResponse newsletter) {
        return html.data("newsletter", newsletter).render();
    }

    private Newsletter lockDraft(UUID id, String ifMatch, String verb) {
        Newsletter newsletter = Newsletter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (newsletter == null) {
            throw notFound(id);
        }
        preconditions.requireMatch(ifMatch, NewsletterResponse.of(newsletter));
        if (NewsletterStatus.PUBLISHED.value().equals(newsletter.status)) {
            throw Problems.conflict("Newsletter " + newsletter.number + " was published on " + newsletter.publishedAt
                    + " and cannot be " + verb + ".").with("newsletterStatus", newsletter.status).build();
        }
        return newsletter;
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, "Newsletter " + id + " does not exist.");
    }
}
