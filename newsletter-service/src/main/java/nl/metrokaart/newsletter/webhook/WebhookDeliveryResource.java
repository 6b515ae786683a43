package nl.metrokaart.newsletter.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhook-subscriptions/{webhookSubscriptionId}/deliveries")
@Tag(name = "Webhook subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
public class WebhookDeliveryResource {

    @Inject
    WebhookSubscriptionService subscriptions;

    @GET
    @Operation(operationId = "listWebhookDeliveries", summary = "List the deliveries of a webhook subscription",
            description = "The delivery log, newest first, a page at a time (follow nextCursor): per event its "
                    + "status, attempts, last response and next attempt, and every attempt made.")
    @APIResponse(responseCode = "200", description = "A page of deliveries.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not valid.")
    @APIResponse(responseCode = "404", description = "No subscription with this id, or not the caller's.")
    public Page<WebhookDeliveryResponse> list(@PathParam("webhookSubscriptionId") UUID webhookSubscriptionId,
            @BeanParam PageRequest page) {
        int limit = page.limit(); // a bad limit is a 400 whichever subscription is named
        return subscriptions.deliveries(subscriptions.get(webhookSubscriptionId), page.cursor(), limit);
    }

    /** OpenAPI name for a page of deliveries. */
    @Schema(name = "WebhookDeliveryPage")
    static final class WebhookDeliveryPage {
        public List<WebhookDeliveryResponse> items;
        @Schema(description = "Cursor for the next (older) page; absent on the last page.")
        public String nextCursor;
    }
}
