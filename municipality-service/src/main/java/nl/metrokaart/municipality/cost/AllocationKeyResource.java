package nl.metrokaart.municipality.cost;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.rest.PublicUrls;
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

@Path("/api/v1/allocation-keys")
@Tag(name = "Allocation keys", description = "Per project the key (verdeelsleutel) by which its costs are shared among "
        + "the participating municipalities: equal-share, by-inhabitants or weighted. A project without a key is "
        + "shared equally among its participants.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class AllocationKeyResource {

    @Inject
    AllocationKeyService keys;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listAllocationKeys", summary = "List the chosen allocation keys",
            description = "By project id, a page at a time (follow nextCursor). Projects without a key are not listed: "
                    + "they are shared equally. Answers with a strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "A page of allocation keys.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AllocationKeyPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid cursor or limit (invalidParams names it).")
    public Page<AllocationKeyResponse> list(
            @BeanParam PageRequest page) {
        return keys.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{projectId}")
    @Operation(operationId = "getAllocationKey", summary = "Get a project's allocation key",
            description = "Answers with a strong ETag: send it as If-Match to replace the key. 404 when the project has "
                    + "no key (its costs are then shared equally) or is not known to this service.")
    @APIResponse(responseCode = "200", description = "The project's allocation key.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the allocation key.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AllocationKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such project, or it has no allocation key (shared equally).")
    public AllocationKeyResponse get(@Parameter(description = "The project's id in programme-service.") @PathParam("projectId") UUID projectId) {
        return AllocationKeyResponse.of(keys.get(projectId));
    }

    @PUT
    @Path("/{projectId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "chooseAllocationKey", summary = "Choose or replace a project's allocation key",
            description = "Creates the key when the project has none (without If-Match), else replaces it: then If-Match "
                    + "with the key's current ETag is required. Records allocation-key-chosen and recomputes the "
                    + "project's cost allocation in the same transaction. Sending the key the project already has "
                    + "changes and records nothing.")
    @APIResponse(responseCode = "200", description = "The key was replaced (or already was this key).",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AllocationKeyResponse.class)))
    @APIResponse(responseCode = "201", description = "The key was chosen for the first time; Location names it.",
            headers = {
                    @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Location", description = "URL of the allocation key.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = AllocationKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: an unknown method, a percentage outside 0 to 100, "
            + "or inhabitantsWeightPercent missing for weighted or given for another method.")
    @APIResponse(responseCode = "404", description = "No project with this id is known to this service.")
    @APIResponse(responseCode = "409", description = "Another request chose the project's first key at the same time.")
    @APIResponse(responseCode = "412", description = "The key changed since the ETag in If-Match, or there is no key to match.")
    @APIResponse(responseCode = "428", description = "The project has another key and If-Match is missing (asking "
            + "for the key it already has needs none, so a retried first choice is safe).")
    public RestResponse<AllocationKeyResponse> choose(
            @Parameter(description = "The project's id in programme-service.") @PathParam("projectId") UUID projectId,
            @Parameter(description = "The ETag of the allocation key as last read; required when the project has one.")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AllocationKeyRequest request, @Context UriInfo uriInfo) {
        AllocationKeyService.Choice choice = keys.choose(projectId, ifMatch, request);
        AllocationKeyResponse key = AllocationKeyResponse.of(choice.key());
        RestResponse.ResponseBuilder<AllocationKeyResponse> response = choice.created()
                ? RestResponse.ResponseBuilder.<AllocationKeyResponse>created(PublicUrls.below(uriInfo)).entity(key)
                : RestResponse.ResponseBuilder.ok(key);
        return response.header(HttpHeaders.ETAG, entityTags.of(key)).build();
    }

    /** OpenAPI name for a page of allocation keys. */
    @Schema(name = "AllocationKeyPage")
    static final class AllocationKeyPage {
        public List<AllocationKeyResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
