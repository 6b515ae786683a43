package nl.metrokaart.municipality.cost;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cost-allocations")
@Tag(name = "Cost allocations", description = "Per project how its budget is shared among the municipalities "
        + "(kostenverdeling): the largest remainder method divides the budget in whole euro cents by the project's "
        + "allocation key (equal shares when it has none), so that the shares add up to the budget exactly. "
        + "Recomputed whenever the budget, the participants, the key or a participant's inhabitants change.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class CostAllocationResource {

    @Inject
    CostAllocationService costAllocations;

    @GET
    @Operation(operationId = "listCostAllocations", summary = "List the projects' cost allocations",
            description = "One per project known to this service, by project id, a page at a time (follow nextCursor). "
                    + "Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "A page of cost allocations.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CostAllocationPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid projectId, participantsOnly, cursor or limit (invalidParams names it).")
    public Page<CostAllocationResponse> list(
            @Parameter(description = "Only the allocation of this project.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("projectId") String projectId,
            @Parameter(description = "Only the participants' shares; without it every registered municipality is listed "
                    + "(342 of them for all Dutch municipalities), a non-participant with 0.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("participantsOnly") String participantsOnly,
            @BeanParam PageRequest page) {
        return costAllocations.list(QueryParams.uuid("projectId", projectId),
                QueryParams.flag("participantsOnly", participantsOnly, false), page.cursor(), page.limit());
    }

    @GET
    @Path("/{projectId}")
    @Operation(operationId = "getCostAllocation", summary = "Get a project's cost allocation",
            description = "What each registered municipality pays for the project, a non-participant 0. Answers with "
                    + "a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The project's cost allocation.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the cost allocation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CostAllocationResponse.class)))
    @APIResponse(responseCode = "400", description = "participantsOnly is not true or false.")
    @APIResponse(responseCode = "404", description = "No project with this id is known to this service.")
    public CostAllocationResponse get(
            @Parameter(description = "The project's id in programme-service.") @PathParam("projectId") UUID projectId,
            @Parameter(description = "Only the participants' shares; without it every registered municipality is listed "
                    + "(342 of them for all Dutch municipalities), a non-participant with 0.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("participantsOnly") String participantsOnly) {
        return CostAllocationResponse.of(costAllocations.get(projectId),
                QueryParams.flag("participantsOnly", participantsOnly, false));
    }

    /** OpenAPI name for a page of cost allocations. */
    @Schema(name = "CostAllocationPage")
    static final class CostAllocationPage {
        public List<CostAllocationResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
