package nl.metrokaart.programme.planning;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import nl.metrokaart.platform.language.RequestLanguage;
import nl.metrokaart.programme.text.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.rest.Created;
import nl.metrokaart.platform.rest.PublicUrls;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/calendar-feeds")
@Tag(name = "Calendar feeds", description = "Private calendar addresses of the key milestone planning, for calendar "
        + "clients that cannot send a bearer token (Outlook, Google Calendar): the address carries a secret key. "
        + "Everyone manages their own (by token subject); admins manage all. Someone else's feed is 404.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {

    @Inject
    RequestLanguage language;

    @Inject
    CalendarFeedService feeds;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "listCalendarFeeds", summary = "List your calendar feeds",
            description = "The caller's own feeds (an admin's: everyone's), oldest first, a page at a time; without "
                    + "their addresses, which are only handed out at creation.")
    @APIResponse(responseCode = "200", description = "A page of calendar feeds.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CalendarFeedPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not valid.")
    public Page<CalendarFeedResponse> list(@BeanParam PageRequest page) {
        return feeds.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{calendarFeedId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "getCalendarFeed", summary = "Get one of your calendar feeds")
    @APIResponse(responseCode = "200", description = "The calendar feed, without its address.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the feed.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No calendar feed with this id that you may manage.")
    public CalendarFeedResponse get(@PathParam("calendarFeedId") UUID calendarFeedId) {
        return CalendarFeedResponse.of(feeds.get(calendarFeedId), null);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "createCalendarFeed", summary = "Get a private calendar address of a planning",
            description = "Creates a feed owned by the caller. The answer's calendarUrl, with its secret key, is "
                    + "shown this once: subscribe to it in a calendar client. Delete the feed to revoke the address.")
    @APIResponse(responseCode = "201", description = "Created; Location names the feed, calendarUrl is the address.",
            headers = @Header(name = "Location", description = "URL of the calendar feed.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or no programme with this programmeId (invalidParams names it).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<CalendarFeedResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid CalendarFeedRequest request, @Context UriInfo uriInfo) {
        // The replay of a retried request gets the feed without its address: the key is stored nowhere.
        return idempotency.once(idempotencyKey, request, CalendarFeedResponse.class, CalendarFeedResponse::withoutSecret, () -> {
            CalendarFeedService.Created created = feeds.create(request);
            return Created.at(uriInfo, created.feed().id, CalendarFeedResponse.of(created.feed(), calendarUrl(created)));
        });
    }

    @POST
    @Path("/{calendarFeedId}/key-rotation")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "rotateCalendarFeedKey", summary = "Replace the secret key of one of your calendar feeds",
            description = "Gives the feed a new address (calendarUrl, shown this once) that works for the configured "
                    + "key lifetime; the old address stops working at once. Only the feed's owner can rotate its key.")
    @APIResponse(responseCode = "200", description = "The feed with its new address.",
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No calendar feed with this id of yours.")
    @Consumes(MediaType.WILDCARD) // no body
    public CalendarFeedResponse rotateKey(@PathParam("calendarFeedId") UUID calendarFeedId) {
        CalendarFeedService.Created rotated = feeds.rotate(calendarFeedId);
        return CalendarFeedResponse.of(rotated.feed(), calendarUrl(rotated));
    }

    /** The feed's private address, on the gateway's public base URL. */
    private static String calendarUrl(CalendarFeedService.Created feed) {
        return UriBuilder.fromUri(PublicUrls.baseUrl()).path(CalendarFeedResource.class)
                .path(feed.feed().id.toString()).path("calendar").queryParam("key", feed.key()).build().toString();
    }

    @DELETE
    @Path("/{calendarFeedId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "deleteCalendarFeed", summary = "Revoke a calendar feed",
            description = "Its address stops working at once.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No calendar feed with this id that you may manage.")
    public void delete(@PathParam("calendarFeedId") UUID calendarFeedId) {
        feeds.delete(calendarFeedId);
    }

    @GET
    @Path("/{calendarFeedId}/calendar")
    @PermitAll // the secret key in the address is the credential: calendar clients send no bearer token
    @SecurityRequirementsSet({})
    @Produces(PlanningCalendar.MEDIA_TYPE)
    @Operation(operationId = "getCalendarFeedCalendar", summary = "The planning as a calendar, by private address",
            description = "What GET /programmes/{programmeId}/planning gives with Accept: text/calendar, for whoever "
                    + "holds the feed's address: no bearer token needed. A wrong or missing key is 404, like an "
                    + "unknown feed, and so is a feed whose owner's account was disabled; an expired key is 410.")
    @APIResponse(responseCode = "200", description = "An iCalendar (RFC 5545) feed with one VEVENT per key milestone.",
            content = @Content(mediaType = PlanningCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No calendar feed with this id and key (or its owner is disabled).")
    @APIResponse(responseCode = "410", description = "The key has expired; the owner can rotate it for a new address.")
    @APIResponse(responseCode = "503", description = "Whether the owner is still enabled cannot be checked right now.")
    public Response calendar(@PathParam("calendarFeedId") UUID calendarFeedId,
            @Parameter(description = "The secret key from the feed's calendarUrl.") @QueryParam("key") String key) {
        return Response.ok(PlanningCalendar.write(feeds.calendar(calendarFeedId, key), Texts.of(language.get())), PlanningResource.CALENDAR_UTF8)
                .header("Content-Disposition", "inline; filename=\"planning.ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    /** OpenAPI name for a page of calendar feeds. */
    @Schema(name = "CalendarFeedPage")
    static final class CalendarFeedPage {
        public List<CalendarFeedResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
