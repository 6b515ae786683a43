package nl.metrokaart.newsletter.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.rest.Created;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhook-subscriptions")
@Tag(name = "Webhook subscriptions", description = "Integrators register a callback URL for the programme events they "
        + "want. Deliveries are CloudEvents (structured JSON) signed the Standard Webhooks way: webhook-id (stable "
        + "across retries), webhook-timestamp (unix seconds) and webhook-signature: v1,<base64 of HMAC-SHA256 over "
        + "'{webhook-id}.{webhook-timestamp}.{body}' keyed with the base64-decoded part of the secret after whsec_>. "
        + "At least once, retried with exponential back-off; a run of failed deliveries disables the subscription. "
        + "An integrator sees and manages only the subscriptions of its own client id (token claim azp, else "
        + "client_id); those of others answer 404. Admins see all.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
public class WebhookSubscriptionResource {

    @Inject
    WebhookSubscriptionService subscriptions;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List webhook subscriptions",
            description = "The caller's own subscriptions (admins: everyone's) in order of registration, a page at a "
                    + "time (follow nextCursor). The signing secret is never listed.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not valid.")
    public Page<WebhookSubscriptionResponse> list(
            @BeanParam PageRequest page) {
        return subscriptions.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{webhookSubscriptionId}")
    @Operation(operationId = "getWebhookSubscription", summary = "Get one webhook subscription",
            description = "Without its secret, which is only in the answer to the registration.")
    @APIResponse(responseCode = "200", description = "The subscription.",
            headers = @Header(name = "ETag", description = "Send it in If-Match to change the subscription.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this id, or not the caller's.")
    public WebhookSubscriptionResponse get(@PathParam("webhookSubscriptionId") UUID webhookSubscriptionId) {
        return WebhookSubscriptionResponse.of(subscriptions.get(webhookSubscriptionId));
    }

    @POST
    @Operation(operationId = "createWebhookSubscription", summary = "Register a webhook subscription",
            description = "First sends a signed test delivery of type nl.metrokaart.newsletter.webhook-verification "
                    + "to the callback URL (signed with the new secret); only when it answers 2xx within a few seconds "
                    + "is the subscription stored. The answer holds the signing secret, once.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it; the body holds the secret.",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: callbackUrl not http(s), with user information, "
            + "or resolving to a loopback, private, link-local or other non-public address; unknown event types.")
    @APIResponse(responseCode = "422", description = "The callback URL did not accept the verification delivery "
            + "with a 2xx in time (the problem does not say what came back), or the Idempotency-Key was used for a "
            + "different request.")
    public RestResponse<WebhookSubscriptionResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid WebhookSubscriptionRequest request, @Context UriInfo uriInfo) {
        // The test delivery to the callback runs outside any transaction, the registration after it in one; the
        // replay of a retried request gets the subscription without its secret: that is kept for signing only.
        return idempotency.onceAfter(idempotencyKey, request, WebhookSubscriptionResponse.class,
                WebhookSubscriptionResponse::withoutSecret, () -> subscriptions.verified(request), verified -> {
                    WebhookSubscription created = subscriptions.create(verified);
                    return Created.at(uriInfo, created.id, WebhookSubscriptionResponse.of(created, created.secret));
                });
    }

    @PUT
    @Path("/{webhookSubscriptionId}")
    @Operation(operationId = "replaceWebhookSubscription", summary = "Change a webhook subscription",
            description = "Replaces callbackUrl, eventTypes, description and enabled. A changed callbackUrl is verified "
                    + "again like at registration; enabling a disabled subscription resets its run of failures. "
                    + "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed subscription.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, as at registration.")
    @APIResponse(responseCode = "404", description = "No subscription with this id, or not the caller's.")
    @APIResponse(responseCode = "412", description = "The subscription changed since the ETag in If-Match.")
    @APIResponse(responseCode = "422", description = "The new callback URL did not accept the verification delivery; "
            + "the subscription's delivery log holds the failed attempt and what came back.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<WebhookSubscriptionResponse> replace(@PathParam("webhookSubscriptionId") UUID webhookSubscriptionId,
            @Parameter(description = "The ETag of the subscription as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid WebhookSubscriptionUpdate update) {
        return entityTags.ok(WebhookSubscriptionResponse.of(subscriptions.replace(webhookSubscriptionId, ifMatch, update)));
    }

    @DELETE
    @Path("/{webhookSubscriptionId}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a webhook subscription",
            description = "Stops all deliveries to it; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No subscription with this id, or not the caller's.")
    public void delete(@PathParam("webhookSubscriptionId") UUID webhookSubscriptionId) {
        subscriptions.delete(webhookSubscriptionId);
    }

    /** OpenAPI name for a page of webhook subscriptions. */
    @Schema(name = "WebhookSubscriptionPage")
    static final class WebhookSubscriptionPage {
        public List<WebhookSubscriptionResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
