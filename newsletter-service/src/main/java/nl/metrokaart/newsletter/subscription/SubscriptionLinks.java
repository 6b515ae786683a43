package nl.metrokaart.newsletter.subscription;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.metrokaart.newsletter.text.Texts;
import nl.metrokaart.newsletter.text.Translations;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.platform.language.RequestLanguage;

/**
 * The small pages behind the links in mails (confirm a subscription, unsubscribe): no sign-in, the secret link
 * token is the proof. A GET only shows a page with a button (link scanners must not act); the button, or a mail
 * program's RFC 8058 one-click POST, does it. The page is in the subscriber's language.
 */
@ApplicationScoped
public class SubscriptionLinks {

    @Location("subscription-link.html")
    Template page;

    @Inject
    Translations translations;

    /** What a page says: a title, a sentence, and a button that posts to {@code action} (null: no button). */
    public record Page(String title, String text, String action, String button) {
    }

    public Response page(Optional<Subscription> subscription, BiFunction<Texts, Subscription, Page> content) {
        if (subscription.isEmpty()) {
            // A refusal is problem+json, as everywhere (RFC 9457).
            Texts t = translations.of(RequestLanguage.current());
            throw io.quarkiverse.resteasy.problem.HttpProblem.valueOf(Response.Status.NOT_FOUND,
                    t.linkNotValidTitle() + ": " + t.linkNotValidText());
        }
        Language language = subscription.get().language();
        return render(Response.Status.OK, language, content.apply(translations.of(language), subscription.get()));
    }

    private Response render(Response.Status status, Language language, Page shown) {
        return Response.status(status).entity(page.data("page", shown).data("language", language.tag()).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Language", language.tag())
                .header("Cache-Control", "no-store").build();
    }
}
