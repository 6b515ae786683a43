package nl.metrokaart.newsletter.newsletter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.metrokaart.newsletter.mail.MailMessage;
import nl.metrokaart.newsletter.subscription.SubscriberMail;
import nl.metrokaart.newsletter.subscription.Subscription;
import nl.metrokaart.newsletter.text.ProgrammeTime;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;

/**
 * A newsletter as people read it, in its language: a web page with the metro map as inline SVG, and an e-mail
 * (HTML and text part) with the map as a PNG rendered from the same SVG and embedded as {@code cid:metro-map}, so
 * Outlook and Gmail show it, with alt text for readers who see no images, and an unsubscribe link.
 */
@ApplicationScoped
public class NewsletterPages {

    static final String MAP_CONTENT_ID = "metro-map@metrokaart";

    @Location("newsletter.html")
    Template html;

    @Location("newsletter.txt")
    Template text;

    @Inject
    ProgrammeTime time;

    @Inject
    Translations translations;

    @Inject
    SubscriberMail letters;

    /** What the templates show besides the newsletter itself: formatted dates, the map and the reader's links. */
    public record View(NewsletterResponse newsletter, Overview overview, String period, String published,
            String metroMapSvg, String metroMapSource, String unsubscribeUrl) {
    }

    /** The page (GET with Accept: text/html): the map inline. */
    public String page(Newsletter newsletter) {
        return render(html, view(newsletter, newsletter.metroMapSvg, null, null), newsletter);
    }

    /** The e-mail to one subscriber. */
    public MailMessage mail(Newsletter newsletter, Subscription reader) {
        boolean map = newsletter.metroMapSvg != null;
        View view = view(newsletter, null, map ? "cid:" + MAP_CONTENT_ID : null, letters.unsubscribeUrl(reader));
        Texts t = translations.of(newsletter.language);
        MailMessage message = MailMessage.text(reader.email, "[Metrokaart] " + t.newsletterSubject(newsletter.title, newsletter.number),
                render(text, view, newsletter)).withHtml(render(html, view, newsletter));
        if (map) {
            message = message.withInline(new MailMessage.Inline("metrokaart.png", "image/png", MAP_CONTENT_ID,
                    MetroMapPicture.png(newsletter.metroMapSvg)));
        }
        return letters.listHeaders(message, reader);
    }

    private View view(Newsletter newsletter, String inlineSvg, String imageSource, String unsubscribeUrl) {
        Language language = newsletter.language;
        Texts t = translations.of(language);
        NewsletterResponse response = NewsletterResponse.of(newsletter);
        return new View(response, response.overview(),
                t.newsletterPeriod(time.date(newsletter.periodStart, language), time.date(newsletter.periodEnd, language)),
                newsletter.publishedAt == null ? null : t.newsletterPublished(time.dateTime(newsletter.publishedAt, language)),
                inlineSvg, imageSource, unsubscribeUrl);
    }

    private static String render(Template template, View view, Newsletter newsletter) {
        TemplateInstance instance = template.data("view", view).data("newsletter", view.newsletter());
        return Translations.in(newsletter.language, instance).render();
    }
}
