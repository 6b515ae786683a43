package nl.metrokaart.programme.dependency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
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

@Path("/api/v1/projects/{projectId}/dependencies")
@Tag(name = "Dependencies", description = "Typed links between projects of a programme: the interchanges of the metro map. "
        + "Must-finish-before links drive the planning and can never form a cycle.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class DependencyResource {

    @Inject
    DependencyService dependencies;

    @Inject
    IdempotentRequests idempotentRequests;

    @GET
    @Operation(operationId = "listDependencies", summary = "List what a project depends on",
            description = "The links in which this project depends on a predecessor, oldest first. Answers with a "
                    + "strong ETag; If-None-Match with it gives 304.")
    @APIResponse(responseCode = "200", description = "The project's dependencies on its predecessors.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the list.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DependencyResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public List<DependencyResponse> list(@PathParam("projectId") UUID projectId) {
        return dependencies.list(projectId).stream().map(DependencyResponse::of).toList();
    }

    @GET
    @Path("/{dependencyId}")
    @Operation(operationId = "getDependency", summary = "Get one dependency of a project")
    @APIResponse(responseCode = "200", description = "The dependency.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the dependency.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DependencyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such project, or the project has no dependency with this id.")
    public DependencyResponse get(@PathParam("projectId") UUID projectId, @PathParam("dependencyId") UUID dependencyId) {
        return DependencyResponse.of(dependencies.get(projectId, dependencyId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createDependency", summary = "Make a project depend on a predecessor",
            description = "Records the event dependency-added. The predecessor must be another project of the same "
                    + "programme; a link that exists already, or a must-finish-before link that would close a cycle, "
                    + "is refused with 409 (the problem's detail and its member cycle name the cycle by project "
                    + "codes). With an Idempotency-Key a retry answers the first result and links nothing twice.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new dependency.",
            headers = @Header(name = "Location", description = "URL of the new dependency.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = DependencyResponse.class)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    @APIResponse(responseCode = "409", description = "Self-link, predecessor in another programme, duplicate link, "
            + "or a must-finish-before cycle (member cycle lists the project codes in order).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different request.")
    public RestResponse<DependencyResponse> create(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "Client-chosen key (1 to 255 visible ASCII characters) that makes a retry safe.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid DependencyRequest request,
            @Context UriInfo uriInfo) {
        return idempotentRequests.once(idempotencyKey, request, DependencyResponse.class, () -> {
            Dependency created = dependencies.create(projectId, request);
            return Created.at(uriInfo, created.id, DependencyResponse.of(created));
        });
    }

    @DELETE
    @Path("/{dependencyId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "deleteDependency", summary = "Remove a dependency",
            description = "Records the event dependency-removed. No If-Match is needed: a link never changes, so "
                    + "there is no stale version of it to overwrite; deleting it twice answers 404 the second time.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No such project, or the project has no dependency with this id.")
    public void delete(@PathParam("projectId") UUID projectId, @PathParam("dependencyId") UUID dependencyId) {
        dependencies.delete(projectId, dependencyId);
    }
}
