package nl.metrokaart.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The responses the filter documents so that no resource has to: 401/403 of secured operations, 304 of JSON GETs. */
class NlGovOpenApiFilterTest {

    @Test
    void aSecuredOperationGets401And403NamingItsRolesAsProblemJson() {
        Operation write = operation("application/json", List.of("admin", "programme-manager"));
        filter(PathItem.HttpMethod.POST, write);

        assertEquals("No valid bearer token: none was sent, or it is expired, malformed or not meant for this service.",
                write.getResponses().getAPIResponse("401").getDescription());
        assertEquals("The token has none of the roles admin, programme-manager.",
                write.getResponses().getAPIResponse("403").getDescription());
        assertNotNull(write.getResponses().getAPIResponse("403").getContent().getMediaType("application/problem+json"));
        assertTrue(write.getSecurity().get(0).getScheme("keycloak").isEmpty(), "roles are not sent as OAuth scopes");
        assertFalse(write.getResponses().hasAPIResponse("304"), "only a GET is conditional");
    }

    @Test
    void aResponseTheResourceDescribesItselfIsKeptAndQuarkusDefaultsAreReplaced() {
        Operation write = operation("application/json", List.of("admin"));
        write.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));
        write.getResponses().addAPIResponse("403", OASFactory.createAPIResponse()
                .description("Not an admin, nor the coordinator of this municipality."));
        filter(PathItem.HttpMethod.PUT, write);

        assertTrue(write.getResponses().getAPIResponse("401").getDescription().startsWith("No valid bearer token"));
        assertEquals("Not an admin, nor the coordinator of this municipality.",
                write.getResponses().getAPIResponse("403").getDescription());
    }

    @Test
    void aJsonGetGets304WithTheVersionHeaderAndAPublicOneNo401() {
        Operation read = operation("application/json", null);
        filter(PathItem.HttpMethod.GET, read);

        APIResponse notModified = read.getResponses().getAPIResponse("304");
        assertNotNull(notModified);
        assertNotNull(notModified.getHeaders().get(NlGovOpenApiFilter.VERSION_HEADER));
        assertFalse(read.getResponses().hasAPIResponse("401"), "a public operation needs no token");
        assertFalse(read.getResponses().hasAPIResponse("403"));
    }

    @Test
    void aGetOfAnotherMediaTypeIsNotConditional() {
        Operation calendar = operation("text/calendar", null);
        filter(PathItem.HttpMethod.GET, calendar);

        assertFalse(calendar.getResponses().hasAPIResponse("304"));
    }

    private static Operation operation(String mediaType, List<String> roles) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent()
                        .addMediaType(mediaType, OASFactory.createMediaType()))));
        if (roles != null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak", roles));
        }
        return operation;
    }

    private static void filter(PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        switch (method) {
            case GET -> item.setGET(operation);
            case POST -> item.setPOST(operation);
            case PUT -> item.setPUT(operation);
            default -> throw new IllegalArgumentException(method.name());
        }
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/api/v1/things", item));
        new NlGovOpenApiFilter().filterOpenAPI(document);
    }
}
