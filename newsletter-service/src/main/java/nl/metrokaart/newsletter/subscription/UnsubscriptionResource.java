package nl.metrokaart.newsletter.subscription;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(SubscriberMail.UNSUBSCRIBE_PATH)
@Tag(name = "Subscriptions")
@PermitAll
@SecurityRequirementsSet({}) // the key in the link is the proof
@Produces(MediaType.TEXT_HTML)
public class UnsubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SubscriptionLinks links;

    @GET
    @Operation(operationId = "showUnsubscription", summary = "The unsubscribe page of a mail's link",
            description = "Every mail links here (and names this address in List-Unsubscribe). Shows a page with a "
                    + "button that ends the subscription; the GET itself changes nothing.")
    @APIResponse(responseCode = "200", description = "The page, in the subscriber's language.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this key (ended, or the link is incomplete).",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response show(@Parameter(description = "The key from the mail's link.") @QueryParam("key") String key) {
        return links.page(subscriptions.byLinkToken(key), (t, s) -> new SubscriptionLinks.Page(t.unsubscribePageTitle(),
                t.unsubscribePageText(s.email), SubscriberMail.UNSUBSCRIBE_PATH + "?key=" + key, t.unsubscribePageButton()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe with a mail's link (RFC 8058 one-click)",
            description = "Ends the subscription of the key: what mail programs send for List-Unsubscribe-Post "
                    + "(body List-Unsubscribe=One-Click), and what the page's button sends. Nothing more is mailed to it.")
    @APIResponse(responseCode = "200", description = "Unsubscribed; a page saying so.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this key (ended already, or the link is incomplete).",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response unsubscribe(@Parameter(description = "The key from the mail's link.") @QueryParam("key") String key) {
        return links.page(subscriptions.unsubscribe(key), (t, s) -> new SubscriptionLinks.Page(t.unsubscribedTitle(),
                t.unsubscribedText(s.email), null, null));
    }
}
