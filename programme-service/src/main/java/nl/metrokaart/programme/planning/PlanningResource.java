package nl.metrokaart.programme.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import nl.metrokaart.platform.language.RequestLanguage;
import nl.metrokaart.programme.text.Texts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.rest.QueryParams;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes/{programmeId}/planning")
@Tag(name = "Planning", description = "The key milestone planning the municipal secretaries follow, also as a calendar feed.")
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class PlanningResource {

    static final String CALENDAR_UTF8 = PlanningCalendar.MEDIA_TYPE + "; charset=utf-8";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(
            MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(PlanningCalendar.MEDIA_TYPE)).build();

    @Inject
    RequestLanguage language;

    @Inject
    PlanningService planning;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PlanningCalendar.MEDIA_TYPE})
    @Operation(operationId = "getPlanning", summary = "Get the key milestone planning",
            description = "Key milestones split into upcoming, overdue and achieved as of today (Europe/Amsterdam). "
                    + "With Accept: text/calendar the same milestones come as an iCalendar feed (RFC 5545): one "
                    + "all-day event per key milestone, with a stable UID, to subscribe to in a calendar client.")
    @APIResponse(responseCode = "200", description = "The planning.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Planning.class)),
            @Content(mediaType = PlanningCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "An iCalendar (RFC 5545) feed with one VEVENT per key milestone."))})
    @APIResponse(responseCode = "400", description = "horizonDays is not a whole number from 1 to 3650.")
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    @APIResponse(responseCode = "406", description = "Neither application/json nor text/calendar is acceptable.")
    public Response get(
            @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "How many days ahead upcoming milestones are listed.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3650", defaultValue = "365"))
            @QueryParam("horizonDays") String horizonDays,
            @Context Request request) {
        int horizon = horizonDays(horizonDays);
        Variant variant = request.selectVariant(VARIANTS);
        Planning result = planning.planning(programmeId, horizon);
        if (variant != null && variant.getMediaType().isCompatible(MediaType.valueOf(PlanningCalendar.MEDIA_TYPE))) {
            return Response.ok(PlanningCalendar.write(result, Texts.of(language.get())), CALENDAR_UTF8)
                    .header("Content-Disposition", "inline; filename=\"planning.ics\"")
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static int horizonDays(String value) {
        return QueryParams.wholeNumber("horizonDays", value, PlanningService.DEFAULT_HORIZON_DAYS, 1,
                PlanningService.MAX_HORIZON_DAYS);
    }
}
