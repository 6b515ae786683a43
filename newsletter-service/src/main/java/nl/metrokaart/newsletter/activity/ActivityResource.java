package nl.metrokaart.newsletter.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.newsletter.text.RequestTexts;
import nl.metrokaart.platform.paging.Page;
import nl.metrokaart.platform.paging.PageRequest;
import nl.metrokaart.platform.problem.ProblemTexts;
import nl.metrokaart.platform.problem.Problems;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activities")
@Tag(name = "Activities", description = "The programme's activity feed, built from the events of programme-service and "
        + "municipality-service: project status changes, milestones, dependencies, decisions, variant choices, costs.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class ActivityResource {

    /** The short types the feed records, for validating the type filter. */
    static final List<String> SHORT_TYPES = ActivityTypes.RECORDED.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();

    @Inject
    ActivityService activities;

    @GET
    @Operation(operationId = "listActivities", summary = "List activities",
            description = "Activities in feed order (order of receipt), a page at a time; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of activities.",
            headers = @Header(name = "ETag", description = "Strong tag of this page; send it in If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    public Page<ActivityResponse> list(
            @Parameter(description = "Only activities about this project.",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("projectId") String projectId,
            @Parameter(description = "Only activities concerning this municipality (CBS code): the ones about it "
                    + "(participation, variant choice) and the cost allocations it pays a share of.",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^GM\\d{4}$"))
            @QueryParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Only activities of this short type, e.g. milestone-missed.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("type") String type,
            @Parameter(description = "Only activities that occurred at or after this time (RFC 3339).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("occurredFrom") String occurredFrom,
            @Parameter(description = "Only activities that occurred at or before this time (RFC 3339).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("occurredUntil") String occurredUntil,
            @BeanParam PageRequest page) {
        if (municipalityCode != null && !municipalityCode.matches("GM\\d{4}")) {
            throw Problems.invalid("municipalityCode", "query", RequestTexts.problems().municipalityCodeFormat());
        }
        if (type != null && !SHORT_TYPES.contains(type)) {
            throw Problems.invalid("type", "query", ProblemTexts.get("value.oneOf", SHORT_TYPES));
        }
        UUID project = QueryParams.uuid("projectId", projectId);
        Instant from = QueryParams.dateTime("occurredFrom", occurredFrom);
        Instant until = QueryParams.dateTime("occurredUntil", occurredUntil);
        if (from != null && until != null && from.isAfter(until)) {
            throw Problems.invalid("occurredUntil", "query", RequestTexts.problems().untilBeforeFrom());
        }
        return activities.list(new ActivityService.Filter(project, municipalityCode, type, from, until), page.cursor(), page.limit());
    }

    @GET
    @Path("/{activityId}")
    @Operation(operationId = "getActivity", summary = "Get one activity")
    @APIResponse(responseCode = "200", description = "The activity.")
    @APIResponse(responseCode = "404", description = "No activity with this id.")
    public ActivityResponse get(@PathParam("activityId") UUID activityId) {
        return activities.response(activities.get(activityId));
    }

    /** OpenAPI name for a page of activities. */
    @Schema(name = "ActivityPage")
    static final class ActivityPage {
        public List<ActivityResponse> items;
        @Schema(description = "Cursor for the next page; absent on the last page.")
        public String nextCursor;
    }
}
