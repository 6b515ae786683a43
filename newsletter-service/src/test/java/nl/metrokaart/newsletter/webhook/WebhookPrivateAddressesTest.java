package nl.metrokaart.newsletter.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the production default (private addresses not allowed), callback URLs to them are refused with 400. */
@QuarkusTest
@TestProfile(WebhookPrivateAddressesTest.ProductionGuard.class)
class WebhookPrivateAddressesTest {

    public static class ProductionGuard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("metrokaart.webhooks.allow-private-addresses", "false");
        }
    }

    @Test
    void callbackUrlsToNonPublicAddressesAreRefusedWithoutSendingAnything() throws Exception {
        String token = WebhookSubscriptionResourceTest.integrator("ssrf-" + UUID.randomUUID());
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            String port = receiver.url().replaceAll(".*:(\\d+)/.*", "$1");
            for (String url : List.of(receiver.url(), "http://localhost:" + port + "/hook", "http://[::1]:" + port + "/hook",
                    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook", "http://172.16.0.1/hook",
                    "http://192.168.0.1/hook", "http://100.64.0.1/hook", "http://0.0.0.0:" + port + "/hook",
                    "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://224.0.0.1/hook")) {
                given().header("Accept-Language", "en").auth().oauth2(token).contentType("application/json")
                        .body(WebhookSubscriptionResourceTest.body(url, WebhookSubscriptionResourceTest.MISSED))
                        .when().post(WebhookSubscriptionResourceTest.PATH)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("invalidParams.name", hasItem("callbackUrl"))
                        .body("invalidParams[0].reason", containsString("public addresses"));
            }
            assertThat(receiver.received, hasSize(0));
        }
        given().auth().oauth2(token).when().get(WebhookSubscriptionResourceTest.PATH)
                .then().statusCode(200).body("items", hasSize(0));
    }
}
