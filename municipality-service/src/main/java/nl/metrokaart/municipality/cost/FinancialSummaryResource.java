package nl.metrokaart.municipality.cost;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/financial-summary")
@Tag(name = "Financial summary", description = "The shared financial justification of the programme: per municipality "
        + "what it pays for all projects together and its share of the programme budget.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class FinancialSummaryResource {

    @Inject
    FinancialSummaryService summaries;

    @GET
    @Operation(operationId = "getFinancialSummary", summary = "Get the programme's financial summary",
            description = "Sums the projects' stored cost allocations per municipality; every registered municipality "
                    + "is listed, by CBS code. Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The financial summary.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the summary.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FinancialSummaryResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid programmeId (invalidParams names it).")
    public FinancialSummaryResponse get(
            @Parameter(description = "Only the projects of this programme; without it, every project known to this service.",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("programmeId") String programmeId) {
        return summaries.summarise(QueryParams.uuid("programmeId", programmeId));
    }
}
