package nl.metrokaart.programme.dependency;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
public class ImpactResource {

    static final int MAX_SLIP_DAYS = 3650;

    @Inject
    ImpactService impacts;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
    @Operation(operationId = "getProjectImpact", summary = "Impact of a project slipping",
            description = "Moves the project's end slipDays later and propagates over must-finish-before links: a "
                    + "successor must start at least lag + 1 days after its predecessor's new end, moves only as far "
                    + "as that forces it and takes the latest of its predecessors; its end and unachieved milestones "
                    + "move with it. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The projects and milestones that would move.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the answer.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ImpactResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the answer still has the ETag given in If-None-Match.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The token has none of the roles that may read the planning.")
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public ImpactResponse impact(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "Days the project's end slips.", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3650"))
            @QueryParam("slipDays") String slipDays) {
        return impacts.impact(projectId, slipDays(slipDays));
    }

    /** Parsed here rather than by JAX-RS, which answers an unparsable query parameter with 404 instead of 400. */
    static int slipDays(String value) {
        if (value == null || value.isBlank()) {
            throw invalidSlipDays("is required");
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= MAX_SLIP_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            throw invalidSlipDays("must be a whole number from 1 to " + MAX_SLIP_DAYS);
        }
        throw invalidSlipDays("must be a whole number from 1 to " + MAX_SLIP_DAYS);
    }

    private static HttpProblem invalidSlipDays(String reason) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                .withDetail("The request is not valid: slipDays " + reason + ".")
                .with("invalidParams", List.of(Map.of("name", "slipDays", "in", "query", "reason", reason)))
                .build();
    }
}
