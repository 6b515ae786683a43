package nl.metrokaart.programme.project;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/programmes/{programmeId}/priorities")
@Tag(name = "Priorities", description = "The order of the programme's projects, highest priority first.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class PriorityResource {

    @Inject
    EntityTags entityTags;

    @Inject
    PriorityService priorities;

    @GET
    @Operation(operationId = "getPriorities", summary = "The programme's projects by priority")
    @APIResponse(responseCode = "200", description = "Project ids, highest priority first.")
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    public PrioritiesResponse get(@PathParam("programmeId") UUID programmeId) {
        return priorities.priorities(programmeId);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "reorderPriorities", summary = "Reorder all projects at once",
            description = "The body lists every project of the programme exactly once; ranks become 1..n in that "
                    + "order, atomically. Requires If-Match with the ETag of the priorities as last read.")
    @APIResponse(responseCode = "200", description = "The new order.", headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    @APIResponse(responseCode = "412", description = "The order changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<PrioritiesResponse> reorder(@PathParam("programmeId") UUID programmeId,
            @Parameter(description = "The ETag of the priorities as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PrioritiesRequest request) {
        return entityTags.ok(priorities.reorder(programmeId, ifMatch, request));
    }
}
