package nl.metrokaart.programme.project;

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

@Path("/api/v1/projects/{projectId}/status-changes")
@Tag(name = "Project status", description = "The status state machine of a project and its history.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class StatusChangeResource {

    @Inject
    ProjectStatusService statuses;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(operationId = "listStatusChanges", summary = "The project's status history, oldest first")
    @APIResponse(responseCode = "200", description = "Every status the project had, with who changed it and why.",
            content = @Content(schema = @Schema(implementation = StatusChangeResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public List<StatusChangeResponse> history(@PathParam("projectId") UUID projectId) {
        return statuses.history(projectId).stream().map(StatusChangeResponse::of).toList();
    }

    @GET
    @Path("/{statusChangeId}")
    @Operation(operationId = "getStatusChange", summary = "One status change")
    @APIResponse(responseCode = "200", description = "The status change.")
    @APIResponse(responseCode = "404", description = "No such status change of this project.")
    public StatusChangeResponse get(@PathParam("projectId") UUID projectId, @PathParam("statusChangeId") UUID statusChangeId) {
        return StatusChangeResponse.of(statuses.statusChange(projectId, statusChangeId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "changeProjectStatus", summary = "Move the project to another status",
            description = "proposed → planned → in-progress ⇄ at-risk → realised; on-hold and cancelled from any "
                    + "open status. A project cannot start while a must-finish-before predecessor is not realised, "
                    + "and cannot be realised while a key milestone is open.")
    @APIResponse(responseCode = "201", description = "The transition, now part of the history.",
            content = @Content(schema = @Schema(implementation = StatusChangeResponse.class)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    @APIResponse(responseCode = "409", description = "Illegal transition (allowedStatuses lists the legal ones), "
            + "or blocked by predecessors (blockingProjects) or open key milestones (openMilestones).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<StatusChangeResponse> change(@PathParam("projectId") UUID projectId,
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid StatusChangeRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, StatusChangeResponse.class, () -> {
            ProjectStatusChange change = statuses.changeStatus(projectId, request);
            return Created.at(uriInfo, change.id, StatusChangeResponse.of(change));
        });
    }
}
