package nl.metrokaart.programme.dependency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
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

@Path("/api/v1/projects/{projectId}/impact")
@Tag(name = "Impact", description = "What-if analysis of the planning: which projects and milestones move when a project slips.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class ImpactResource {

    static final int MAX_SLIP_DAYS = 3650;

    /** The type the answer always had: JSON in UTF-8. */
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    ImpactService impacts;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "getProjectImpact", summary = "Impact of a project slipping",
            description = "Moves the project's end slipDays later and propagates over must-finish-before links: a "
                    + "successor must start at least lag + 1 days after its predecessor's new end, moves only as far "
                    + "as that forces it and takes the latest of its predecessors; its end and unachieved milestones "
                    + "move with it. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The projects and milestones that would move.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the answer.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ImpactResponse.class)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public Response impact(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "Days the project's end slips.", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3650"))
            @QueryParam("slipDays") String slipDays,
            @Context HttpHeaders headers) {
        // Serialised once, for its ETag and the body alike: a slip can move thousands of projects and milestones.
        return entityTags.conditionalJson(impacts.impactJson(projectId, slipDays(slipDays)),
                JSON, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
    }

    static int slipDays(String value) {
        return QueryParams.wholeNumber("slipDays", value, null, 1, MAX_SLIP_DAYS);
    }
}
