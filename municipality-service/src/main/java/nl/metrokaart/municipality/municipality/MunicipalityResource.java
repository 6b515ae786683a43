package nl.metrokaart.municipality.municipality;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

@Path("/api/v1/municipalities")
@Tag(name = "Municipalities", description = "The municipalities taking part in the programme, by CBS municipality code.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class MunicipalityResource {

    @Inject
    MunicipalityService municipalities;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listMunicipalities", summary = "List the municipalities",
            description = "By name, a page at a time (follow nextCursor): a region of 30 or all 342 Dutch municipalities "
                    + "take a few pages. Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "A page of municipalities, by name.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MunicipalityPage.class)))
    public Page<MunicipalityResponse> list(
            @BeanParam PageRequest page) {
        return municipalities.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{municipalityCode}")
    @Operation(operationId = "getMunicipality", summary = "Get one municipality",
            description = "Answers with a strong ETag: send it as If-Match to replace the municipality.")
    @APIResponse(responseCode = "200", description = "The municipality.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the municipality.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MunicipalityResponse.class)))
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    public MunicipalityResponse get(
            @Parameter(description = "CBS municipality code.", example = "GM0610",
                    schema = @Schema(type = SchemaType.STRING, pattern = MunicipalityRequest.CBS_CODE))
            @PathParam("municipalityCode") String municipalityCode) {
        return MunicipalityResponse.of(municipalities.get(municipalityCode));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createMunicipality", summary = "Register a municipality in the programme")
    @APIResponse(responseCode = "201", description = "Created; Location names the new municipality.",
            content = @Content(schema = @Schema(implementation = MunicipalityResponse.class)))
    @APIResponse(responseCode = "409", description = "A municipality with this code already exists.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<MunicipalityResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid MunicipalityRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, MunicipalityResponse.class, () -> {
            Municipality created = municipalities.create(request);
            return Created.at(uriInfo, created.code, MunicipalityResponse.of(created));
        });
    }

    @PUT
    @Path("/{municipalityCode}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceMunicipality", summary = "Replace a municipality",
            description = "Full replace; If-Match with the municipality's current ETag is required. The code in the "
                    + "body must equal the code in the path. A change of inhabitants affects cost allocations.")
    @APIResponse(responseCode = "200", description = "The municipality as it is now.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MunicipalityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a code other than the one in the path.")
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    @APIResponse(responseCode = "412", description = "The municipality changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<MunicipalityResponse> replace(
            @Parameter(description = "CBS municipality code.", example = "GM0610",
                    schema = @Schema(type = SchemaType.STRING, pattern = MunicipalityRequest.CBS_CODE))
            @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "The ETag of the municipality as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MunicipalityRequest request) {
        MunicipalityResponse replaced = MunicipalityResponse.of(municipalities.replace(municipalityCode, ifMatch, request));
        return entityTags.ok(replaced);
    }

    /** OpenAPI name for a page of municipalities. */
    @Schema(name = "MunicipalityPage")
    static final class MunicipalityPage {
        public List<MunicipalityResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
