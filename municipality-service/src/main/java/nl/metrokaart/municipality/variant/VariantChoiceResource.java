package nl.metrokaart.municipality.variant;

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

@Path("/api/v1/municipalities/{municipalityCode}/variant-choices")
@Tag(name = "Variant choices", description = "Per project in which a municipality participates: does it follow the "
        + "uniform way of working or keep its own variant. A choice is identified by its project within the municipality.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class VariantChoiceResource {

    @Inject
    VariantChoiceService choices;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listVariantChoices", summary = "List a municipality's variant choices",
            description = "By project id, a page at a time (follow nextCursor).")
    @APIResponse(responseCode = "200", description = "A page of variant choices.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VariantChoicePage.class)))
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    public Page<VariantChoiceResponse> list(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Only the choice for this project.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("projectId") String projectId,
            @BeanParam PageRequest page) {
        return choices.list(municipalityCode, QueryParams.uuid("projectId", projectId), page.cursor(), page.limit());
    }

    @GET
    @Path("/{projectId}")
    @Operation(operationId = "getVariantChoice", summary = "Get a municipality's variant choice for a project",
            description = "Answers with a strong ETag: send it as If-Match to change the choice.")
    @APIResponse(responseCode = "200", description = "The variant choice.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the choice.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VariantChoiceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such municipality, or it made no choice for this project.")
    public VariantChoiceResponse get(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @PathParam("projectId") UUID projectId) {
        return VariantChoiceResponse.of(choices.get(municipalityCode, projectId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR})
    @Operation(operationId = "makeVariantChoice", summary = "Make a municipality's variant choice for a project",
            description = "Admins and programme managers choose for any municipality, a municipality coordinator only "
                    + "for the municipality in its token. Records variant-choice-made. With an Idempotency-Key a retry "
                    + "answers the first result and records nothing twice.")
    @APIResponse(responseCode = "201", description = "Made; Location names the choice.",
            headers = @Header(name = "Location", description = "URL of the choice.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VariantChoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: a variant without name, a uniform choice with one, or an unknown project.")
    @APIResponse(responseCode = "403", description = "Not an admin or programme manager, nor the coordinator of this municipality.")
    @APIResponse(responseCode = "404", description = "No municipality with this code.")
    @APIResponse(responseCode = "409", description = "Already chosen; or the municipality does not participate in the project; "
            + "or an own variant where the decision in force is uniform (the problem's decision names it, with its link).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<VariantChoiceResponse> make(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid VariantChoiceRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, VariantChoiceResponse.class, () -> {
            OfProject<VariantChoice> made = choices.make(municipalityCode, request);
            return Created.at(uriInfo, made.record().projectId, VariantChoiceResponse.of(made));
        });
    }

    @PUT
    @Path("/{projectId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR})
    @Operation(operationId = "replaceVariantChoice", summary = "Change a municipality's variant choice for a project",
            description = "Full replace; If-Match with the choice's current ETag is required. Admins and programme "
                    + "managers change any municipality's, a municipality coordinator only its own. Records variant-choice-changed.")
    @APIResponse(responseCode = "200", description = "The choice as it is now.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VariantChoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a project id other than the one in the path.")
    @APIResponse(responseCode = "403", description = "Not an admin or programme manager, nor the coordinator of this municipality.")
    @APIResponse(responseCode = "404", description = "No such municipality, or it made no choice for this project.")
    @APIResponse(responseCode = "409", description = "The municipality no longer participates, or an own variant where the decision in force is uniform.")
    @APIResponse(responseCode = "412", description = "The choice changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<VariantChoiceResponse> replace(
            @Parameter(description = "CBS municipality code.", example = "GM0610") @PathParam("municipalityCode") String municipalityCode,
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "The ETag of the choice as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid VariantChoiceRequest request) {
        return entityTags.ok(VariantChoiceResponse.of(choices.replace(municipalityCode, projectId, ifMatch, request)));
    }

    /** OpenAPI name for a page of variant choices. */
    @Schema(name = "VariantChoicePage")
    static final class VariantChoicePage {
        public List<VariantChoiceResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
