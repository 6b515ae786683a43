package nl.metrokaart.newsletter.newsletter;

import io.quarkiverse.resteasy.problem.HttpProblem;
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
import nl.metrokaart.newsletter.mail.MailQueue;
import nl.metrokaart.newsletter.subscription.Subscribers;
import nl.metrokaart.newsletter.subscription.Subscription;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.conditional.Preconditions;
import nl.metrokaart.platform.paging.KeysetPaging;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.persistence.StoredTime;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.text.Text;

/**
 * The rules of newsletters: numbered in sequence, composed from the period's activities, editable while draft,
 * immutable once published. Publishing records newsletter-published in the outbox and queues the newsletter to
 * every confirmed subscriber of its language, in the same transaction.
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

    @Inject
    NewsletterPages pages;

    @Inject
    Translations translations;

    /** Newest first (highest number), a page at a time; the cursor is the number of the last one of the page. */
    public Page<NewsletterResponse> list(String cursor, int limit) {
        return paging.page(Newsletter.class, new KeysetPaging.Where(), NEWEST_FIRST, cursor, limit, NewsletterResponse::of);
    }

    private static final List<KeysetPaging.SortKey<Newsletter>> NEWEST_FIRST =
            List.of(KeysetPaging.SortKey.descending("number", n -> n.number, Integer::valueOf));

    @Inject
    KeysetPaging paging;

    public Newsletter get(UUID id) {
        return Newsletter.<Newsletter>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    @Inject
    MetroMapSource metroMaps;

    /** The programme's metro map for a new issue, read before (and outside) the transaction that stores it. */
    public record MetroMap(UUID programmeId, String svg) {
    }

    public MetroMap metroMap(NewsletterRequest request) {
        Language language = request.language() == null ? Language.DEFAULT : request.language();
        UUID programme = metroMaps.programmeOf(request.programmeId()).orElse(null);
        return new MetroMap(programme, programme == null ? null : metroMaps.svg(programme, language).orElse(null));
    }

    @Transactional
    public Newsletter create(NewsletterRequest request, MetroMap map) {
        Newsletter newsletter = new Newsletter();
        newsletter.id = UUID.randomUUID();
        newsletter.number = ((Number) entityManager.createNativeQuery("SELECT nextval('newsletter_number')").getSingleResult()).intValue();
        Language language = request.language() == null ? Language.DEFAULT : request.language();
        newsletter.language = language;
        newsletter.title = request.title() == null ? translations.of(language).newsletterDefaultTitle(newsletter.number)
                : request.title().strip();
        newsletter.introduction = Text.strippedOrNull(request.introduction());
        newsletter.periodStart = request.periodStart();
        newsletter.periodEnd = request.periodEnd();
        newsletter.status = NewsletterStatus.DRAFT;
        newsletter.sections = new ArrayList<>(composer.compose(request.periodStart(), request.periodEnd(), language));
        newsletter.overview = composer.overview(request.periodStart(), request.periodEnd(), map.programmeId(), language);
        newsletter.programmeId = map.programmeId();
        newsletter.metroMapSvg = map.svg();
        newsletter.createdAt = StoredTime.now();
        newsletter.updatedAt = newsletter.createdAt;
        newsletter.persist();
        entityManager.flush();
        return newsletter;
    }

    @Transactional
    public Newsletter edit(UUID id, String ifMatch, NewsletterEdit edit) {
        Newsletter newsletter = lockDraft(id, ifMatch, false);
        newsletter.title = edit.title().strip();
        newsletter.introduction = Text.strippedOrNull(edit.introduction());
        newsletter.sections = new ArrayList<>(edit.sections().stream()
                .map(s -> new Newsletter.Section(s.key(), s.heading().strip(), s.items().stream().map(String::strip).toList()))
                .toList());
        newsletter.updatedAt = StoredTime.now();
        entityManager.flush();
        return newsletter;
    }

    @Transactional
    public Newsletter publish(UUID id, String ifMatch) {
        Newsletter newsletter = lockDraft(id, ifMatch, true);
        newsletter.status = NewsletterStatus.PUBLISHED;
        newsletter.publishedAt = StoredTime.now();
        newsletter.updatedAt = newsletter.publishedAt;
        entityManager.flush();
        events.newsletterPublished(newsletter.id, NewsletterPublished.of(newsletter));
        Language language = newsletter.language;
        List<Subscription> readers = subscribers.all().stream().filter(s -> s.language().equals(language)).toList();
        mail.queueToEach(readers, s -> s.email, s -> pages.mail(newsletter, s));
        return newsletter;
    }

    /** The newsletter as a self-contained HTML page, the metro map inline. */
    public String html(UUID id) {
        return pages.page(get(id));
    }

    private Newsletter lockDraft(UUID id, String ifMatch, boolean publishing) {
        Newsletter newsletter = Newsletter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (newsletter == null) {
            throw notFound(id);
        }
        preconditions.requireMatch(ifMatch, NewsletterResponse.of(newsletter));
        if (newsletter.status == NewsletterStatus.PUBLISHED) {
            throw Problems.conflict(RequestTexts.problems().newsletterPublished(newsletter.number, newsletter.publishedAt, publishing))
                    .with("newsletterStatus", newsletter.status.value()).build();
        }
        return newsletter;
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, RequestTexts.problems().newsletterNotFound(id));
    }
}
