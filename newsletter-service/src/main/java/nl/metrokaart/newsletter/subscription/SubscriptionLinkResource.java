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

/**
 * The pages behind the two links in mails ({@link SubscriptionLinks}): confirming a subscription
 * ({@value SubscriberMail#CONFIRMATION_PATH}) and ending one ({@value SubscriberMail#UNSUBSCRIBE_PATH}). Each is a GET
 * that only shows a page with a button, and a POST (the button, or a mail program's one-click) that acts.
 */
@Path(SubscriberMail.LINKS_ROOT)
@Tag(name = "Subscriptions")
@PermitAll
@SecurityRequirementsSet({}) // the key in the link is the proof
@Produces(MediaType.TEXT_HTML)
public class SubscriptionLinkResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SubscriptionLinks links;

    @GET
    @Path(SubscriberMail.CONFIRMATION)
    @Operation(operationId = "showSubscriptionConfirmation", summary = "The confirmation page of a subscription",
            description = "A subscription to someone else's address is mailed a link here. Shows a page with a button "
                    + "that confirms it; the GET itself changes nothing.")
    @APIResponse(responseCode = "200", description = "The page, in the subscriber's language.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this key (ended, or the link is incomplete).",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response showConfirmation(@Parameter(description = "The key from the mail's link.") @QueryParam("key") String key) {
        return links.page(subscriptions.byLinkToken(key), (t, s) -> s.confirmed()
                ? new SubscriptionLinks.Page(t.confirmedTitle(), t.confirmedText(s.email), null, null)
                : new SubscriptionLinks.Page(t.confirmPageTitle(), t.confirmPageText(s.email),
                        SubscriberMail.CONFIRMATION_PATH + "?key=" + key, t.confirmPageButton()));
    }

    @POST
    @Path(SubscriberMail.CONFIRMATION)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Operation(operationId = "confirmSubscription", summary = "Confirm a subscription (double opt-in)",
            description = "The address owner consents: from now on the subscription gets mail. Confirming twice is fine.")
    @APIResponse(responseCode = "200", description = "Confirmed; a page saying so.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this key (deleted, or the link is incomplete).",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response confirm(@Parameter(description = "The key from the mail's link.") @QueryParam("key") String key) {
        return links.page(subscriptions.confirm(key), (t, s) -> new SubscriptionLinks.Page(t.confirmedTitle(),
                t.confirmedText(s.email), null, null));
    }

    @GET
    @Path(SubscriberMail.UNSUBSCRIBE)
    @Operation(operationId = "showUnsubscription", summary = "The unsubscribe page of a mail's link",
            description = "Every mail links here (and names this address in List-Unsubscribe). Shows a page with a "
                    + "button that ends the subscription; the GET itself changes nothing.")
    @APIResponse(responseCode = "200", description = "The page, in the subscriber's language.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this key (ended, or the link is incomplete).",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response showUnsubscription(@Parameter(description = "The key from the mail's link.") @QueryParam("key") String key) {
        return links.page(subscriptions.byLinkToken(key), (t, s) -> new SubscriptionLinks.Page(t.unsubscribePageTitle(),
                t.unsubscribePageText(s.email), SubscriberMail.UNSUBSCRIBE_PATH + "?key=" + key, t.unsubscribePageButton()));
    }

    @POST
    @Path(SubscriberMail.UNSUBSCRIBE)
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
