package nl.metrokaart.programme.project;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.idempotency.IdempotentRequests;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.rest.Created;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.programme.text.RequestTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "The programme's projects: code, metro line, priority, status, budget, planning.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class ProjectResource {

    @Inject
    EntityTags entityTags;

    @Inject
    ProjectService projects;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(operationId = "listProjects", summary = "List projects, or poll the changes feed",
            description = "Without changedSince: projects by priority, a page at a time (follow nextCursor). "
                    + "With changedSince: every project changed after that cursor, in change order; start with 0 and "
                    + "poll with the nextCursor of the previous answer to see every change exactly once.")
    @APIResponse(responseCode = "200", description = "A page of projects.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProjectPage.class)))
    public Page<ProjectResponse> list(
            @Parameter(description = "Only projects of this programme.", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("programmeId") String programmeId,
            @Parameter(description = "Only projects in this status.",
                    schema = @Schema(implementation = ProjectStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only projects on this metro line.") @QueryParam("line") @jakarta.validation.constraints.Size(max = 40) String line,
            @Parameter(description = "Changes feed: projects changed after this cursor; 0 starts at the beginning.")
            @QueryParam("changedSince") String changedSince,
            @BeanParam PageRequest page) {
        ProjectFilter filter = new ProjectFilter(QueryParams.uuid("programmeId", programmeId),
                QueryParams.value("status", status, ProjectStatus.class), line);
        if (changedSince != null) {
            if (page.cursor() != null) {
                throw Problems.invalid("cursor", "query", RequestTexts.problems().cursorWithChangedSince());
            }
            return projects.changedSince(changedSince, filter, page.limit());
        }
        return projects.list(filter, page.cursor(), page.limit());
    }

    @GET
    @Path("/{projectId}")
    @Operation(operationId = "getProject", summary = "Get one project")
    @APIResponse(responseCode = "200", description = "The project.",
            headers = @Header(name = "ETag", description = "Send it in If-Match to change the project.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    public ProjectResponse get(@PathParam("projectId") UUID projectId) {
        return ProjectResponse.of(projects.get(projectId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createProject", summary = "Propose a project",
            description = "A new project is proposed and gets the lowest priority of its programme.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new project.",
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @APIResponse(responseCode = "409", description = "The programme already has a project with this code.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<ProjectResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid ProjectRequest request, @Context UriInfo uriInfo) {
        return idempotency.once(idempotencyKey, request, ProjectResponse.class, () -> {
            Project created = projects.create(request);
            return Created.at(uriInfo, created.id, ProjectResponse.of(created));
        });
    }

    @PUT
    @Path("/{projectId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "replaceProject", summary = "Change a project",
            description = "Replaces the project's description, line, planning, budget and owner. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed project.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @APIResponse(responseCode = "404", description = "No project with this id.")
    @APIResponse(responseCode = "409", description = "Another project has this code, or the programme would change.")
    @APIResponse(responseCode = "412", description = "The project changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ProjectResponse> replace(@PathParam("projectId") UUID projectId,
            @Parameter(description = "The ETag of the project as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ProjectRequest request) {
        return entityTags.ok(ProjectResponse.of(projects.replace(projectId, ifMatch, request)));
    }

    /** OpenAPI name for a page of projects. */
    @Schema(name = "ProjectPage")
    static final class ProjectPage {
        public List<ProjectResponse> items;
        @Schema(description = "Cursor for the next page or, in the changes feed, to poll from next.")
        public String nextCursor;
    }
}
