package nl.metrokaart.municipality.participation;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.etag;
import static nl.metrokaart.municipality.Fixtures.participationBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.stream.Stream;
import nl.metrokaart.infra.testing.TestTokens;
import nl.metrokaart.municipality.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A municipality coordinator changes only its own municipality's participation: each of the five Krimpenerwaard
 * coordinators against each of the five municipalities. A refusal is 403 problem+json and changes nothing.
 */
@QuarkusTest
class CoordinatorScopeTest {

    private static UUID projectId;

    static Stream<Arguments> coordinatorsAndMunicipalities() {
        return Fixtures.KRIMPENERWAARD.keySet().stream().sorted()
                .flatMap(own -> Fixtures.KRIMPENERWAARD.keySet().stream().sorted().map(target -> Arguments.of(own, target)));
    }

    /** One project in which all five participate, set up by the first case (the application runs by then). */
    private static synchronized UUID sharedProject() {
        if (projectId == null) {
            Fixtures.krimpenerwaard();
            projectId = Fixtures.project("SCOPE");
            Fixtures.KRIMPENERWAARD.keySet().forEach(code -> Fixtures.participation(code, projectId, true));
        }
        return projectId;
    }

    @ParameterizedTest(name = "coordinator of {0} changes the participation of {1}")
    @MethodSource("coordinatorsAndMunicipalities")
    void aCoordinatorChangesOnlyItsOwnMunicipality(String ownMunicipality, String targetMunicipality) {
        UUID project = sharedProject();
        String path = "/api/v1/municipalities/" + targetMunicipality + "/participations/" + project;
        String before = etag(path);
        String leadBefore = given().auth().oauth2(admin()).when().get(path).then().extract().path("localLead");
        String coordinator = TestTokens.coordinator("coordinator-" + ownMunicipality, ownMunicipality);
        String lead = "Lead set by " + ownMunicipality;

        var response = given().auth().oauth2(coordinator).contentType("application/json").header("If-Match", before)
                .body(participationBody(project, true, lead, "implementing"))
                .when().put(path);

        if (ownMunicipality.equals(targetMunicipality)) {
            response.then().statusCode(200).body("localLead", equalTo(lead));
        } else {
            response.then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)).body("detail", org.hamcrest.Matchers.containsString(ownMunicipality));
            assertEquals(before, etag(path), "a refused change changes nothing");
            given().auth().oauth2(admin()).when().get(path).then().body("localLead", equalTo(leadBefore));
        }
    }
}
