package nl.metrokaart.newsletter.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.rest.Created;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
public class MeetingResource {

    @Inject
    MeetingService meetings;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "listMeetings", summary = "List the meetings")
    @APIResponse(responseCode = "200", description = "The meetings, by start.",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class, type = SchemaType.ARRAY)))
    public List<MeetingResponse> list() {
        return meetings.list().stream().map(MeetingResponse::of).toList();
    }

    @GET
    @Path("/{meetingId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "getMeeting", summary = "Get one meeting")
    @APIResponse(responseCode = "200", description = "The meeting.")
    @APIResponse(responseCode = "404", description = "No meeting with this id.")
    public MeetingResponse get(@PathParam("meetingId") UUID meetingId) {
        return MeetingResponse.of(meetings.get(meetingId));
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
}
