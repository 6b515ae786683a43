package nl.metrokaart.newsletter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.testing.ServiceConventionsTest;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NewsletterServiceConventionsTest extends ServiceConventionsTest {

    @Override
    protected String protectedCollection() {
        return "/api/v1/meetings";
    }

    @Override
    protected String readOnlyRole() {
        return Roles.SECRETARY;
    }

    /** The statuses newsletter-service owns are enums: the OpenAPI document lists their values. */
    @Test
    void statusesAreDocumentedEnumerations() {
        JsonPath openApi = given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("pending", "delivered", "failed", "abandoned"),
                enumeration(openApi, "WebhookDelivery", "status"));
        assertEquals(List.of("scheduled", "cancelled"), enumeration(openApi, "Meeting", "status"));
        assertEquals(List.of("active", "pending-confirmation"), enumeration(openApi, "Subscription", "status"));
        assertEquals(List.of("draft", "published"), enumeration(openApi, "Newsletter", "status"));
        assertEquals(List.of("nl", "en"), enumeration(openApi, "Subscription", "language"));
    }

    /** The values of a property of a schema, listed on the property or on the schema it refers to. */
    @SuppressWarnings("unchecked")
    private static List<String> enumeration(JsonPath openApi, String schema, String property) {
        Map<String, Object> found = openApi.getMap("components.schemas." + schema + ".properties." + property);
        if (found.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            found = (Map<String, Object>) all.get(0);
        }
        if (found.get("$ref") instanceof String ref) {
            found = openApi.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return (List<String>) found.get("enum");
    }
}
