package nl.metrokaart.newsletter.subscription;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.body;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubscriptionResourceTest {

    private static String token(String user) {
        return TestTokens.withRoles(user, Roles.MUNICIPALITY_COORDINATOR);
    }

    private static String create(String user, String email) {
        String location = given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", email, "secretary", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void createReadChangeAndDeleteYourOwn() {
        String user = "anna-" + UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String email = address("anna");
        String location = given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna de Vries", email, "secretary", "projects", "\"" + project + "\"", "weekly-digest"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("owner", equalTo(user))
                .body("follows", equalTo("projects"))
                .body("projectIds", hasItem(project.toString()))
                .body("delivery", equalTo("weekly-digest"))
                .body("municipalityCode", equalTo("GM1931"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        String etag = given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).body("name", equalTo("Anna de Vries")).body("role", equalTo("secretary"))
                .extract().header("ETag");

        given().auth().oauth2(token(user)).header("If-None-Match", etag).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(304);
        // An invalid change is 400 and changes nothing.
        given().auth().oauth2(token(user)).contentType("application/json").header("If-Match", etag)
                .body(body("Anna", "not-an-address", "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams.name", hasItem("email"));
        given().auth().oauth2(token(user)).contentType("application/json").header("If-Match", etag)
                .body(body("Anna", email, "staff", "everything", null, "hourly"))
                .when().put("/api/v1/subscriptions/" + id)
                .then().statusCode(400).body("invalidParams.name", hasItem("delivery"));
        String changed = given().auth().oauth2(token(user)).contentType("application/json").header("If-Match", etag)
                .body(body("Anna", email, "staff", "key-milestones", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id)
                .then().statusCode(200)
                .body("follows", equalTo("key-milestones"))
                .body("projectIds", hasSize(0))
                .body("role", equalTo("staff"))
                .body("version", equalTo(1))
                .extract().header("ETag");
        given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).header("ETag", equalTo(changed));

        // The old ETag no longer matches; no If-Match at all is 428.
        given().auth().oauth2(token(user)).contentType("application/json").header("If-Match", etag)
                .body(body("Anna", email, "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id).then().statusCode(412);
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", email, "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id).then().statusCode(428);

        given().auth().oauth2(token(user)).when().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(token(user)).when().delete("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void someoneElsesSubscriptionIs404ButAdminsManageAll() {
        String owner = "owner-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String email = address("owned");
        String id = create(owner, email);

        given().auth().oauth2(token(other)).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(other)).contentType("application/json").header("If-Match", "\"x\"")
                .body(body("Mallory", email, "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(token(other)).when().delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(token(other)).when().get("/api/v1/subscriptions")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // The other user may subscribe the same address: uniqueness is per owner.
        create(other, email);

        String admin = TestTokens.withRoles("admin-" + UUID.randomUUID(), Roles.ADMIN);
        String etag = given().auth().oauth2(admin).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).body("owner", equalTo(owner)).extract().header("ETag");
        given().auth().oauth2(admin).contentType("application/json").header("If-Match", etag)
                .body(body("Anna (by admin)", email, "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id)
                .then().statusCode(200).body("owner", equalTo(owner)).body("name", equalTo("Anna (by admin)"));
        given().auth().oauth2(admin).when().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    void listIsYourOwnPagedAndAdminSeesEveryone() {
        String user = "pager-" + UUID.randomUUID();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create(user, address("page" + i)));
        }
        String other = create("someone-" + UUID.randomUUID(), address("else"));

        String cursor = given().auth().oauth2(token(user)).queryParam("limit", 2).when().get("/api/v1/subscriptions")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        List<String> rest = given().auth().oauth2(token(user)).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/subscriptions")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().path("items.id");
        assertEquals(List.of(mine.get(2)), rest);

        List<String> all = new ArrayList<>();
        String next = null;
        String admin = TestTokens.withRoles("admin", Roles.ADMIN);
        do {
            var request = given().auth().oauth2(admin).queryParam("limit", 100);
            if (next != null) {
                request.queryParam("cursor", next);
            }
            var page = request.when().get("/api/v1/subscriptions").then().statusCode(200).extract();
            all.addAll(page.path("items.id"));
            next = page.path("nextCursor");
        } while (next != null);
        assertTrue(all.containsAll(mine) && all.contains(other));

        given().auth().oauth2(token(user)).queryParam("cursor", "not*a*cursor").when().get("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItem("cursor"));
        given().auth().oauth2(token(user)).queryParam("limit", 0).when().get("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void sameAddressTwiceForOneOwnerIs409() {
        String user = "dup-" + UUID.randomUUID();
        String email = address("dup");
        create(user, email);
        given().header("Accept-Language", "en").auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", email.toUpperCase(), "staff", "everything", null, "weekly-digest"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("already"));
    }

    @Test
    void changingToAnAddressTheOwnerAlreadySubscribedIs409() {
        String user = "dup-change-" + UUID.randomUUID();
        String taken = address("taken");
        create(user, taken);
        String id = create(user, address("free"));
        String etag = given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().header("Accept-Language", "en").auth().oauth2(token(user)).contentType("application/json").header("If-Match", etag)
                .body(body("Anna", taken, "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("already"));
        given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).header("ETag", equalTo(etag)).body("email", not(equalTo(taken)));
    }

    @Test
    void invalidSubscriptionsAre400NamingTheField() {
        String user = "invalid-" + UUID.randomUUID();
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", "not-an-address", "secretary", "everything", null, "per-event")
                        .replace("GM1931", "1931"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItems("email", "municipalityCode"));
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", address("a"), "secretary", "projects", null, "per-event"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItem("projectIds"));
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", address("a"), "secretary", "everything", "\"" + UUID.randomUUID() + "\"", "per-event"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItem("projectIds"));
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", address("a"), "mayor", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItem("role"));
        given().auth().oauth2(token(user)).contentType("application/json")
                .body(body("Anna", address("a"), "staff", "everything", null, "daily"))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItem("delivery"));
        given().auth().oauth2(token(user)).contentType("application/json").body("{}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("invalidParams.name", hasItems("name", "email", "role", "follows", "delivery"));
        given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String user = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String request = body("Anna", address("idem"), "staff", "everything", null, "per-event");
        String first = given().auth().oauth2(token(user)).contentType("application/json").header("Idempotency-Key", key)
                .body(request).when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(user)).contentType("application/json").header("Idempotency-Key", key)
                .body(request).when().post("/api/v1/subscriptions")
                .then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(token(user)).contentType("application/json").header("Idempotency-Key", key)
                .body(body("Other", address("idem"), "staff", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions").then().statusCode(422);
        given().auth().oauth2(token(user)).when().get("/api/v1/subscriptions")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void withoutTokenIs401() {
        given().when().get("/api/v1/subscriptions").then().statusCode(401);
        given().contentType("application/json").body(body("A", address("a"), "staff", "everything", null, "per-event"))
                .when().post("/api/v1/subscriptions").then().statusCode(401);
        given().when().delete("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(401);
        String id = create("owner-" + UUID.randomUUID(), address("anonymous"));
        given().when().get("/api/v1/subscriptions/" + id).then().statusCode(401).contentType("application/problem+json");
        given().header("If-Match", "\"x\"").contentType("application/json")
                .body(body("A", address("a"), "staff", "everything", null, "per-event"))
                .when().put("/api/v1/subscriptions/" + id).then().statusCode(401);
    }
}
