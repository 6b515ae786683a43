package nl.metrokaart.programme.programme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.rest.Created;
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

@Path("/api/v1/programmes")
@Tag(name = "Programmes", description = "The joint programme: shared ambition, goals, period and governance.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class ProgrammeResource {

    @Inject
    EntityTags entityTags;

    @Inject
    ProgrammeService programmes;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(operationId = "listProgrammes", summary = "List the programmes")
    @APIResponse(responseCode = "200", description = "The programmes, by start date.",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class, type = SchemaType.ARRAY)))
    public List<ProgrammeResponse> list() {
        return programmes.list().stream().map(ProgrammeResponse::of).toList();
    }

    @GET
    @Path("/{programmeId}")
    @Operation(operationId = "getProgramme", summary = "Get one programme")
    @APIResponse(responseCode = "200", description = "The programme.")
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    public ProgrammeResponse get(@PathParam("programmeId") UUID programmeId) {
        return ProgrammeResponse.of(programmes.get(programmeId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createProgramme", summary = "Create a programme")
    @APIResponse(responseCode = "201", description = "Created; Location names the new programme.",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<ProgrammeResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid ProgrammeRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, ProgrammeResponse.class, () -> {
            Programme created = programmes.create(request);
            return Created.at(uriInfo, created.id, ProgrammeResponse.of(created));
        });
    }

    @PUT
    @Path("/{programmeId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceProgramme", summary = "Change a programme", description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed programme.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    @APIResponse(responseCode = "409", description = "A metro line that projects use would be removed.")
    @APIResponse(responseCode = "412", description = "The programme changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ProgrammeResponse> replace(@PathParam("programmeId") UUID programmeId,
            @Parameter(description = "The ETag of the programme as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ProgrammeRequest request) {
        return entityTags.ok(ProgrammeResponse.of(programmes.replace(programmeId, ifMatch, request)));
    }
}
