package nl.metrokaart.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the tests of a service's event contract read: its served AsyncAPI document and the constants of its code. */
public final class AsyncApiDocuments {

    private AsyncApiDocuments() {
    }

    /**
     * The service's AsyncAPI document as it serves it ({@code GET /api/v1/asyncapi.yaml}: 200, {@code API-Version
     * 1.0.0}, AsyncAPI 3.0.0), parsed into maps and lists.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> served() {
        String document = given().when().get("/api/v1/asyncapi.yaml")
                .then().statusCode(200).header("API-Version", "1.0.0").extract().asString();
        Map<String, Object> asyncApi;
        try {
            asyncApi = new YAMLMapper().readValue(document, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The served AsyncAPI document is not YAML: " + e.getMessage(), e);
        }
        assertEquals("3.0.0", asyncApi.get("asyncapi"));
        return asyncApi;
    }

    /** The values of the static String constants of a class, e.g. the event types and topics a service declares. */
    public static List<String> constants(Class<?> declaring) {
        return Arrays.stream(declaring.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(AsyncApiDocuments::value).toList();
    }

    private static String value(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
