package nl.metrokaart.programme.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.rest.Created;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
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

@Path("/api/v1/projects/{projectId}/milestones")
@Tag(name = "Milestones", description = "The milestone planning of a project; key milestones are tracked by the "
        + "municipal secretaries and marked missed when their due date passes unachieved.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class MilestoneResource {

    @Inject
    MilestoneService milestones;

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listMilestones", summary = "List the milestones of a project",
            description = "Ordered by due date. Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The project's milestones, by due date.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the list.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public List<MilestoneResponse> list(@PathParam("projectId") UUID projectId) {
        return milestones.list(projectId).stream().map(MilestoneResponse::of).toList();
    }

    @GET
    @Path("/{milestoneId}")
    @Operation(operationId = "getMilestone", summary = "Get one milestone of a project",
            description = "Answers with a strong ETag: send it as If-Match to change or delete the milestone.")
    @APIResponse(responseCode = "200", description = "The milestone.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the milestone.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "404", description = "No such project, or the project has no milestone with this id.")
    public MilestoneResponse get(@PathParam("projectId") UUID projectId, @PathParam("milestoneId") UUID milestoneId) {
        return MilestoneResponse.of(milestones.get(projectId, milestoneId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createMilestone", summary = "Schedule a milestone for a project",
            description = "Records the event milestone-scheduled (and milestone-achieved when achievedDate is given). "
                    + "With an Idempotency-Key a retry answers the first result and schedules nothing twice.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new milestone.",
            headers = @Header(name = "Location", description = "URL of the new milestone.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different request.")
    public RestResponse<MilestoneResponse> create(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "Client-chosen key (1 to 255 visible ASCII characters) that makes a retry safe.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid MilestoneRequest request,
            @Context UriInfo uriInfo) {
        return idempotentRequests.once(idempotencyKey, request, MilestoneResponse.class, () -> {
            Milestone created = milestones.create(projectId, request);
            return Created.at(uriInfo, created.id, MilestoneResponse.of(created));
        });
    }

    @PUT
    @Path("/{milestoneId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceMilestone", summary = "Replace a milestone",
            description = "Full replace; If-Match with the milestone's current ETag is required. Records "
                    + "milestone-rescheduled when the due date changes (a missed milestone then counts as open "
                    + "again) and milestone-achieved when achievedDate becomes set.")
    @APIResponse(responseCode = "200", description = "The milestone as it is now.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "404", description = "No such project, or the project has no milestone with this id.")
    @APIResponse(responseCode = "412", description = "The milestone changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<MilestoneResponse> replace(
            @PathParam("projectId") UUID projectId,
            @PathParam("milestoneId") UUID milestoneId,
            @Parameter(description = "The ETag of the milestone as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MilestoneRequest request) {
        return entityTags.ok(MilestoneResponse.of(milestones.replace(projectId, milestoneId, ifMatch, request)));
    }

    @DELETE
    @Path("/{milestoneId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "deleteMilestone", summary = "Delete a milestone",
            description = "If-Match with the milestone's current ETag is required.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such project, or the project has no milestone with this id.")
    @APIResponse(responseCode = "412", description = "The milestone changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public void delete(
            @PathParam("projectId") UUID projectId,
            @PathParam("milestoneId") UUID milestoneId,
            @Parameter(description = "The ETag of the milestone as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        milestones.delete(projectId, milestoneId, ifMatch);
    }
}
