package nl.metrokaart.municipality.participation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.municipality.project.OfProject;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.rest.Created;
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

@Path("/api/v1/municipalities/{municipalityCode}/participations")
@Tag(name = "Participations", description = "Whether a municipality takes part in each project of the programme, "
        + "and how far its local implementation is. A participation is identified by its project within the municipality.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class ParticipationResource {

    @Inject
    ParticipationService participations;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listParticipations", summary = "List a municipality's participations",
            description = "By project id, a page at a time (follow nextCursor). Answers with a strong ETag; "
                    + "If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "A page of participations.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipationPage.class)))
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    public Page<ParticipationResponse> list(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Only the participation in this project.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("projectId") String projectId,
            @BeanParam PageRequest page) {
        return participations.list(municipalityCode, QueryParams.uuid("projectId", projectId), page.cursor(), page.limit());
    }

    @GET
    @Path("/{projectId}")
    @Operation(operationId = "getParticipation", summary = "Get a municipality's participation in a project",
            description = "Answers with a strong ETag: send it as If-Match to change the participation.")
    @APIResponse(responseCode = "200", description = "The participation.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the participation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such municipality, or it has no participation in this project.")
    public ParticipationResponse get(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @PathParam("projectId") UUID projectId) {
        return ParticipationResponse.of(participations.get(municipalityCode, projectId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR})
    @Operation(operationId = "registerParticipation", summary = "Register a municipality's participation in a project",
            description = "Admins and programme managers register for any municipality, a municipality coordinator "
                    + "only for the municipality in its token. Records participation-registered. With an "
                    + "Idempotency-Key a retry answers the first result and registers nothing twice.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the participation.",
            headers = @Header(name = "Location", description = "URL of the participation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a project this service does not know (invalidParams names projectId).")
    @APIResponse(responseCode = "403", description = "Not an admin or programme manager, nor the coordinator of this municipality.")
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    @APIResponse(responseCode = "409", description = "The municipality already has a participation in this project.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<ParticipationResponse> register(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid ParticipationRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, ParticipationResponse.class, () -> {
            OfProject<Participation> registered = participations.register(municipalityCode, request);
            return Created.at(uriInfo, registered.record().projectId, ParticipationResponse.of(registered));
        });
    }

    @PUT
    @Path("/{projectId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR})
    @Operation(operationId = "replaceParticipation", summary = "Change a municipality's participation in a project",
            description = "Full replace; If-Match with the participation's current ETag is required. Admins and "
                    + "programme managers change any municipality's, a municipality coordinator only its own. "
                    + "Records participation-changed; a change of who participates changes the project's cost allocation.")
    @APIResponse(responseCode = "200", description = "The participation as it is now.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a project id other than the one in the path.")
    @APIResponse(responseCode = "403", description = "Not an admin or programme manager, nor the coordinator of this municipality.")
    @APIResponse(responseCode = "404", description = "No such municipality, or it has no participation in this project.")
    @APIResponse(responseCode = "412", description = "The participation changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ParticipationResponse> replace(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "The ETag of the participation as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ParticipationRequest request) {
        return entityTags.ok(ParticipationResponse.of(participations.replace(municipalityCode, projectId, ifMatch, request)));
    }

    /** OpenAPI name for a page of participations. */
    @Schema(name = "ParticipationPage")
    static final class ParticipationPage {
        public List<ParticipationResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
