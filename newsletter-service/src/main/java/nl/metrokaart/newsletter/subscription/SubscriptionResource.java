package nl.metrokaart.newsletter.subscription;

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

@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "E-mail subscriptions: who gets the programme's news, about what and how. "
        + "Everyone manages their own (by token subject); admins manage all. Someone else's subscription is 404.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listSubscriptions", summary = "List your subscriptions",
            description = "The caller's own subscriptions; for admins, everyone's. By creation, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionPage.class)))
    public Page<SubscriptionResponse> list(
            @BeanParam PageRequest page) {
        return subscriptions.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{subscriptionId}")
    @Operation(operationId = "getSubscription", summary = "Get one of your subscriptions")
    @APIResponse(responseCode = "200", description = "The subscription.",
            headers = @Header(name = "ETag", description = "Send it in If-Match to change the subscription.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No subscription with this id that you may manage.")
    public SubscriptionResponse get(@PathParam("subscriptionId") UUID subscriptionId) {
        return SubscriptionResponse.of(subscriptions.get(subscriptionId));
    }

    @POST
    @Operation(operationId = "createSubscription", summary = "Subscribe",
            description = "Creates a subscription owned by the caller. Weekly digests start from the moment of subscribing.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new subscription.",
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "409", description = "You already have a subscription for this e-mail address.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<SubscriptionResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid SubscriptionRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, SubscriptionResponse.class, () -> {
            Subscription created = subscriptions.create(request);
            return Created.at(uriInfo, created.id, SubscriptionResponse.of(created));
        });
    }

    @PUT
    @Path("/{subscriptionId}")
    @Operation(operationId = "replaceSubscription", summary = "Change a subscription", description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed subscription.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No subscription with this id that you may manage.")
    @APIResponse(responseCode = "409", description = "The owner already has a subscription for this e-mail address.")
    @APIResponse(responseCode = "412", description = "The subscription changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<SubscriptionResponse> replace(@PathParam("subscriptionId") UUID subscriptionId,
            @Parameter(description = "The ETag of the subscription as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SubscriptionRequest request) {
        return entityTags.ok(SubscriptionResponse.of(subscriptions.replace(subscriptionId, ifMatch, request)));
    }

    @DELETE
    @Path("/{subscriptionId}")
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe")
    @APIResponse(responseCode = "204", description = "Deleted; no more e-mail goes to this subscription.")
    @APIResponse(responseCode = "404", description = "No subscription with this id that you may manage.")
    public void delete(@PathParam("subscriptionId") UUID subscriptionId) {
        subscriptions.delete(subscriptionId);
    }

    /** OpenAPI name for a page of subscriptions. */
    @Schema(name = "SubscriptionPage")
    static final class SubscriptionPage {
        public List<SubscriptionResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
