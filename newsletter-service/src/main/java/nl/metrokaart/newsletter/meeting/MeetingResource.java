package nl.metrokaart.newsletter.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
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

@Path("/api/v1/meetings")
@Tag(name = "Meetings", description = "Programme meetings (bijeenkomsten): time, place, audience and agenda.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class MeetingResource {

    static final MediaType CALENDAR = MediaType.valueOf(MeetingCalendar.MEDIA_TYPE);
    static final String CALENDAR_UTF8 = MeetingCalendar.MEDIA_TYPE + "; charset=utf-8";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CALENDAR).build();

    @Inject
    MeetingService meetings;

    @Inject
    MeetingCalendar calendar;

    @Inject
    nl.metrokaart.platform.language.RequestLanguage language;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listMeetings", summary = "List the meetings",
            description = "Meetings by start, a page at a time (follow nextCursor).")
    @APIResponse(responseCode = "200", description = "A page of meetings, by start.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "cursor or limit is not valid.")
    public Page<MeetingResponse> list(
            @BeanParam PageRequest page) {
        return meetings.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{meetingId}")
    @Produces({MediaType.APPLICATION_JSON, MeetingCalendar.MEDIA_TYPE})
    @Operation(operationId = "getMeeting", summary = "Get one meeting",
            description = "As JSON, or with Accept: text/calendar as an iCalendar (RFC 5545, METHOD:PUBLISH) with one "
                    + "event: UID <meetingId>@metrokaart, start and end in UTC, the title as SUMMARY, the location, and "
                    + "the audience and agenda (with project codes) in DESCRIPTION; SEQUENCE follows the version.")
    @APIResponse(responseCode = "200", description = "The meeting.",
            headers = @Header(name = "ETag", description = "Send it in If-Match to change the meeting (JSON only).",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingResponse.class)),
                    @Content(mediaType = MeetingCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "An iCalendar (RFC 5545) with one VEVENT for the meeting."))})
    @APIResponse(responseCode = "404", description = "No meeting with this id.")
    @APIResponse(responseCode = "406", description = "Neither application/json nor text/calendar is acceptable.")
    public Response get(@PathParam("meetingId") UUID meetingId, @Context Request request) {
        Meeting meeting = meetings.get(meetingId);
        Variant variant = request.selectVariant(VARIANTS);
        if (variant != null && variant.getMediaType().isCompatible(CALENDAR)) {
            return Response.ok(calendar.publish(meeting, language.get()), CALENDAR_UTF8)
                    .header("Content-Disposition", "inline; filename=\"meeting-" + meetingId + ".ics\"")
                    .build();
        }
        return Response.ok(MeetingResponse.of(meeting), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createMeeting", summary = "Plan a meeting")
    @APIResponse(responseCode = "201", description = "Created; Location names the new meeting.",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<MeetingResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid MeetingRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, MeetingResponse.class, () -> {
            Meeting created = meetings.create(request);
            return Created.at(uriInfo, created.id, MeetingResponse.of(created));
        });
    }

    @PUT
    @Path("/{meetingId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceMeeting", summary = "Change a meeting",
            description = "Replaces title, time, location, audience and agenda. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed meeting.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body.")
    @APIResponse(responseCode = "404", description = "No meeting with this id.")
    @APIResponse(responseCode = "409", description = "The meeting is cancelled and no longer changes.")
    @APIResponse(responseCode = "412", description = "The meeting changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<MeetingResponse> replace(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = "The ETag of the meeting as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MeetingRequest request) {
        return entityTags.ok(MeetingResponse.of(meetings.replace(meetingId, ifMatch, request)));
    }

    @POST
    @Path("/{meetingId}/cancellation")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "cancelMeeting", summary = "Cancel a meeting",
            description = "The meeting stays readable with status cancelled and no longer changes. Its audience gets "
                    + "an e-mail with the reason and an iCalendar cancellation (METHOD:CANCEL) of the event it holds; "
                    + "meeting-cancelled is announced on metrokaart.newsletter.communications. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The cancelled meeting.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason given.")
    @APIResponse(responseCode = "404", description = "No meeting with this id.")
    @APIResponse(responseCode = "409", description = "The meeting is already cancelled.")
    @APIResponse(responseCode = "412", description = "The meeting changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<MeetingResponse> cancel(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = "The ETag of the meeting as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MeetingCancellation cancellation) {
        return entityTags.ok(MeetingResponse.of(meetings.cancel(meetingId, ifMatch, cancellation)));
    }

    /** OpenAPI name for a page of meetings. */
    @Schema(name = "MeetingPage")
    static final class MeetingPage {
        public List<MeetingResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
