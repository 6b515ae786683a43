package nl.metrokaart.municipality.cost;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

@Path("/api/v1/municipalities/{municipalityCode}/cost-allocations")
@Tag(name = "Cost allocations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class MunicipalityCostsResource {

    @Inject
    CostAllocationService costAllocations;

    @GET
    @Operation(operationId = "listMunicipalityCostAllocations", summary = "What a municipality pays, per project and in all",
            description = "The municipality's financial summary: its share of each project's budget (0 where it does not "
                    + "participate), by project id a page at a time (follow nextCursor), and totalCents over all projects. "
                    + "Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The municipality's costs.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MunicipalityCostsResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid cursor or limit (invalidParams names it).")
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    public MunicipalityCostsResponse list(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @BeanParam PageRequest page) {
        return MunicipalityCostsResponse.of(costAllocations.ofMunicipality(municipalityCode, page.cursor(), page.limit()));
    }
}
