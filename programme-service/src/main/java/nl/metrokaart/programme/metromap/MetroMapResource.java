package nl.metrokaart.programme.metromap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.language.RequestLanguage;
import nl.metrokaart.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes/{programmeId}/metro-map")
@Tag(name = "Metro map", description = "The programme drawn as a metro map: themes are lines, projects and key "
        + "milestones stations, dependencies interchanges.")
@RolesAllowed({Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR, Roles.SECRETARY, Roles.INTEGRATOR})
public class MetroMapResource {

    /** JSON first: it is what a client gets that accepts anything. */
    private static final List<Variant> VARIANTS = Variant.mediaTypes(
            MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(MetroMapSvg.MEDIA_TYPE)).build();

    /** The SVG's bytes are UTF-8. */
    private static final MediaType SVG = MediaType.valueOf(MetroMapSvg.MEDIA_TYPE).withCharset("UTF-8");

    @Inject
    MetroMapService metroMaps;

    @Inject
    RequestLanguage language;

    @Inject
    EntityTags entityTags;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MetroMapSvg.MEDIA_TYPE})
    @Operation(operationId = "getMetroMap", summary = "Get the programme's metro map",
            description = "With Accept: application/json the map's data and its computed layout (pixel coordinates "
                    + "of every station, line and the time axis); with Accept: image/svg+xml the map drawn as SVG. "
                    + "The layout is deterministic: the same data on the same day gives identical output.")
    @APIResponse(responseCode = "200", description = "The metro map.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetroMap.class)),
            @Content(mediaType = MetroMapSvg.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "The map as an SVG document: one path.line per line, one .station per station."))})
    @APIResponse(responseCode = "404", description = "No programme with this id.")
    @APIResponse(responseCode = "406", description = "Neither application/json nor image/svg+xml is acceptable.")
    public Response get(@PathParam("programmeId") UUID programmeId, @Context Request request,
            @Context HttpHeaders headers) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant != null && variant.getMediaType().isCompatible(MediaType.valueOf(MetroMapSvg.MEDIA_TYPE))) {
            return Response.ok(metroMaps.svg(programmeId, language.get()), SVG).build();
        }
        // Megabytes for a large programme: serialised once per change, for its ETag and the body alike.
        return entityTags.conditionalJson(metroMaps.json(programmeId), MediaType.APPLICATION_JSON_TYPE,
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
    }
}
