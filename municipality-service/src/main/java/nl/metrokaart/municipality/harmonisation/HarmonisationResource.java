package nl.metrokaart.municipality.harmonisation;

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

@Path("/api/v1/harmonisation")
@Tag(name = "Harmonisation", description = "How far the municipalities work the same way: per project the decision in "
        + "force and how many participating municipalities follow the uniform way of working or keep their own variant.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class HarmonisationResource {

    @Inject
    HarmonisationService harmonisation;

    @GET
    @Operation(operationId = "getHarmonisation", summary = "Get the harmonisation overview",
            description = "Computed from participations, variant choices and decisions at the moment of asking; "
                    + "projects by code. Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The overview.",
            headers = @Header(name = "ETag", description = "Strong tag of the overview; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = HarmonisationResponse.class)))
    public HarmonisationResponse get(
            @Parameter(description = "Only the projects of this programme.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("programmeId") String programmeId) {
        return harmonisation.overview(QueryParams.uuid("programmeId", programmeId));
    }
}
