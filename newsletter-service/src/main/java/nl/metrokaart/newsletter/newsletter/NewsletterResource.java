package nl.metrokaart.newsletter.newsletter;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
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

@Path("/api/v1/newsletters")
@Tag(name = "Newsletters", description = "Numbered newsletters composed from a period's activities: a draft the "
        + "programme manager edits, then publishes (e-mailed to every subscriber; immutable afterwards).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class NewsletterResource {

    @Inject
    NewsletterService newsletters;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    EntityTags entityTags;

    @GET
    @Operation(operationId = "listNewsletters", summary = "List the newsletters", description = "Newest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of newsletters.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NewsletterPage.class)))
    public Page<NewsletterResponse> list(
            @BeanParam PageRequest page) {
        return newsletters.list(page.cursor(), page.limit());
    }

    @GET
    @Path("/{newsletterId}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getNewsletter", summary = "Get one newsletter",
            description = "JSON by default; with Accept: text/html a readable, self-contained HTML page in the "
                    + "newsletter's language (Content-Language), the metro map drawn inline.")
    @APIResponse(responseCode = "200", description = "The newsletter.",
            headers = @Header(name = "ETag", description = "Send it in If-Match to edit or publish (JSON representation).",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewsletterResponse.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No newsletter with this id.")
    public Response get(@PathParam("newsletterId") UUID newsletterId, @Context HttpHeaders headers) {
        NewsletterResponse newsletter = NewsletterResponse.of(newsletters.get(newsletterId));
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(newsletters.html(newsletterId), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Language", newsletter.language().tag()).build();
        }
        return Response.ok(newsletter, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "createNewsletter", summary = "Compose a newsletter for a period",
            description = "Creates the next numbered draft, composed from the activities that occurred in the period "
                    + "(days of the programme's time zone, Europe/Amsterdam by default), in its language (nl by default): "
                    + "highlights, milestones achieved and missed, key milestones and meetings within 42 days after the "
                    + "period, decisions taken; with where the programme stands (projects per status, key milestones "
                    + "achieved, missed and due, a status table), the progress per municipality and the metro map.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new draft.",
            content = @Content(schema = @Schema(implementation = NewsletterResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    public RestResponse<NewsletterResponse> create(
            @Parameter(description = "Makes a retried POST safe: the same key and body give the same answer, once.")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid NewsletterRequest request, @Context UriInfo uriInfo) {
        NewsletterService.MetroMap map = newsletters.metroMap(request);
        return idempotency.once(idempotencyKey, request, NewsletterResponse.class, () -> {
            Newsletter created = newsletters.create(request, map);
            return Created.at(uriInfo, created.id, NewsletterResponse.of(created));
        });
    }

    @PUT
    @Path("/{newsletterId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "editNewsletter", summary = "Edit a draft newsletter",
            description = "Replaces title, introduction and sections of a draft. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The edited draft.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NewsletterResponse.class)))
    @APIResponse(responseCode = "404", description = "No newsletter with this id.")
    @APIResponse(responseCode = "409", description = "The newsletter is published and cannot change.")
    @APIResponse(responseCode = "412", description = "The newsletter changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<NewsletterResponse> edit(@PathParam("newsletterId") UUID newsletterId,
            @Parameter(description = "The ETag of the newsletter as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid NewsletterEdit edit) {
        return entityTags.ok(NewsletterResponse.of(newsletters.edit(newsletterId, ifMatch, edit)));
    }

    @POST
    @Path("/{newsletterId}/publication")
    @Consumes(MediaType.WILDCARD) // no body: the newsletter named by the path is published
    @RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER})
    @Operation(operationId = "publishNewsletter", summary = "Publish a draft newsletter",
            description = "The draft becomes published and immutable; it is e-mailed (HTML and text) to every subscribed "
                    + "address once, and newsletter-published is announced on metrokaart.newsletter.communications. "
                    + "Requires If-Match with the newsletter's ETag.")
    @APIResponse(responseCode = "200", description = "The published newsletter.",
            headers = @Header(name = "ETag", description = "Strong entity tag of the new representation; send it in If-Match next.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NewsletterResponse.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid.")
    @APIResponse(responseCode = "404", description = "No newsletter with this id.")
    @APIResponse(responseCode = "409", description = "The newsletter is already published.")
    @APIResponse(responseCode = "412", description = "The newsletter changed since the ETag in If-Match.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<NewsletterResponse> publish(@PathParam("newsletterId") UUID newsletterId,
            @Parameter(description = "The ETag of the newsletter as last read.", required = true)
            @HeaderParam("If-Match") String ifMatch) {
        return entityTags.ok(NewsletterResponse.of(newsletters.publish(newsletterId, ifMatch)));
    }

    /** HTML when the client ranks it above JSON (the list comes sorted by preference). */
    static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** OpenAPI name for a page of newsletters. */
    @Schema(name = "NewsletterPage")
    static final class NewsletterPage {
        public List<NewsletterResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
