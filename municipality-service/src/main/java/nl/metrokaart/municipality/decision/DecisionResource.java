package nl.metrokaart.municipality.decision;

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

@Path("/api/v1/decisions")
@Tag(name = "Decisions", description = "The register of programme decisions: per project one uniform way of working "
        + "or room for municipal variants, by the steering committee, the secretaries' meeting, or a municipality's "
        + "executive or council. The decision in force for a project is its latest by decision date, then by recording.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listDecisions", summary = "List decisions",
            description = "By decision date, oldest first, a page at a time (follow nextCursor).")
    @APIResponse(responseCode = "200", description = "A page of decisions.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DecisionPage.class)))
    public Page<DecisionResponse> list(
            @Parameter(description = "Only decisions about this project.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("projectId") String projectId,
            @Parameter(description = "Only decisions with this outcome.", schema = @Schema(implementation = DecisionOutcome.class))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Only decisions of this body.", schema = @Schema(implementation = DecidingBody.class))
            @QueryParam("decidingBody") String decidingBody,
            @BeanParam PageRequest page) {
        DecisionService.Filter filter = new DecisionService.Filter(QueryParams.uuid("projectId", projectId),
                QueryParams.value("outcome", outcome, DecisionOutcome.class),
                QueryParams.value("decidingBody", decidingBody, DecidingBody.class));
        return decisions.list(filter, page.cursor(), page.limit());
    }

    @GET
    @Path("/{decisionId}")
    @Operation(operationId = "getDecision", summary = "Get one decision",
            description = "Answers with a strong ETag: send it as If-Match to correct the decision.")
    @APIResponse(responseCode = "200", description = "The decision.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the decision.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @APIResponse(responseCode = "404", description = "No decision with this id.")
    public DecisionResponse get(@PathParam("decisionId") UUID decisionId) {
        return DecisionResponse.of(decisions.get(decisionId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "recordDecision", summary = "Record a decision",
            description = "Records decision-recorded. A uniform decision that would come in force while municipalities "
                    + "keep their own variant for the project is refused (409 naming them). With an Idempotency-Key a "
                    + "retry answers the first result and records nothing twice.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the decision.",
            headers = @Header(name = "Location", description = "URL of the decision.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: fewer than two options, an unknown project or municipality, "
            + "or a deciding municipality missing for (or given to) the deciding body.")
    @APIResponse(responseCode = "409", description = "A uniform decision would overrule municipalities' variants; municipalitiesWithVariant names them.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<DecisionResponse> record(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid DecisionRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, DecisionResponse.class, () -> {
            OfProject<Decision> recorded = decisions.record(request);
            return Created.at(uriInfo, recorded.record().id, DecisionResponse.of(recorded));
        });
    }

    @PUT
    @Path("/{decisionId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceDecision", summary = "Correct a decision",
            description = "Full replace; If-Match with the decision's current ETag is required. Records decision-changed. "
                    + "Changing a decision so that a uniform one comes in force while municipalities keep their own "
                    + "variant is refused (409 naming them).")
    @APIResponse(responseCode = "200", description = "The decision as it is now.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body.")
    @APIResponse(responseCode = "404", description = "No decision with this id.")
    @APIResponse(responseCode = "409", description = "A uniform decision would overrule municipalities' variants; municipalitiesWithVariant names them.")
    @APIResponse(responseCode = "412", description = "The decision changed since the ETag given in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<DecisionResponse> replace(
            @PathParam("decisionId") UUID decisionId,
            @Parameter(description = "The ETag of the decision as last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DecisionRequest request) {
        return entityTags.ok(DecisionResponse.of(decisions.replace(decisionId, ifMatch, request)));
    }

    /** OpenAPI name for a page of decisions. */
    @Schema(name = "DecisionPage")
    static final class DecisionPage {
        public List<DecisionResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
