package nl.metrokaart.programme;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.metrokaart.platform.security.CachedTokenIdentityProvider;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is not verified again on the next request (platform CachedTokenIdentityProvider), yet
 * nothing the verification refuses gets through: a token past its exp, another signature over the same claims, a
 * token for another audience or with other roles.
 */
@QuarkusTest
class VerifiedTokenReuseTest {

    private static final String PROGRAMMES = "/api/v1/programmes";

    @Inject
    CachedTokenIdentityProvider verifiedTokens;

    @Test
    void aTokenAcceptedBeforeItsExpIsRefusedFromItsExpOn() throws InterruptedException {
        long exp = System.currentTimeMillis() / 1000 + 2;
        String token = Jwt.preferredUserName("integrator").subject("integrator").issuer("https://server.example.com")
                .audience(TestTokens.audience()).claim("realm_access", Map.of("roles", List.of(Roles.INTEGRATOR)))
                .expiresAt(exp).sign();
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(200);
        assertTrue(verifiedTokens.remembers(token), "verified once, then known");
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(200);
        while (System.currentTimeMillis() < exp * 1000) {
            Thread.sleep(50);
        }
        assertFalse(verifiedTokens.remembers(token), "not known from its exp on");
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheVerifiedTokenItselfIsAcceptedWithoutVerification() {
        String token = TestTokens.withRoles("reader", Roles.INTEGRATOR);
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(200);
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(200);

        String otherSignature = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        assertTrue(verifiedTokens.remembers(token));
        given().auth().oauth2(otherSignature).when().get(PROGRAMMES).then().statusCode(401);
        assertFalse(verifiedTokens.remembers(otherSignature), "a refused token is never kept");
        given().auth().oauth2(TestTokens.forAudience("municipality-service", "reader", Roles.INTEGRATOR))
                .when().get(PROGRAMMES).then().statusCode(401);
        // The cached identity is the token's own: a token of the same user without the role is still forbidden.
        given().auth().oauth2(TestTokens.withRoles("reader", "no-such-role")).when().get(PROGRAMMES).then().statusCode(403);
        given().auth().oauth2(token).when().get(PROGRAMMES).then().statusCode(200);
    }
}
