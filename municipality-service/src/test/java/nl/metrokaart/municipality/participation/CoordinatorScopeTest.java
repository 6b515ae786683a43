package nl.metrokaart.municipality.participation;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.Fixtures.admin;
import static nl.metrokaart.municipality.Fixtures.choiceBody;
import static nl.metrokaart.municipality.Fixtures.etag;
import static nl.metrokaart.municipality.Fixtures.participationBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.municipality.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A municipality coordinator changes only its own municipality's participation and variant choice: each of the
 * five Krimpenerwaard coordinators against each of the five municipalities. A refusal is 403 problem+json and
 * changes nothing.
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
            Fixtures.KRIMPENERWAARD.keySet().forEach(code -> {
                Fixtures.participation(code, projectId, true);
                Fixtures.choice(code, projectId, "uniform", null);
            });
        }
        return projectId;
    }

    @ParameterizedTest(name = "coordinator of {0} changes the participation of {1}")
    @MethodSource("coordinatorsAndMunicipalities")
    void aCoordinatorChangesOnlyItsOwnMunicipality(String ownMunicipality, String targetMunicipality) {
        UUID project = sharedProject();
        String lead = "Lead set by " + ownMunicipality;
        putAsCoordinator(ownMunicipality, "/api/v1/municipalities/" + targetMunicipality + "/participations/" + project,
                participationBody(project, true, lead, "implementing"),
                changed -> changed.body("localLead", equalTo(lead)));
    }

    @ParameterizedTest(name = "coordinator of {0} changes the variant choice of {1}")
    @MethodSource("coordinatorsAndMunicipalities")
    void aCoordinatorChoosesOnlyForItsOwnMunicipality(String ownMunicipality, String targetMunicipality) {
        UUID project = sharedProject();
        String variant = "Variant of " + ownMunicipality;
        putAsCoordinator(ownMunicipality, "/api/v1/municipalities/" + targetMunicipality + "/variant-choices/" + project,
                choiceBody(project, "variant", variant),
                changed -> changed.body("approach", equalTo("variant")).body("variantName", equalTo(variant)));
    }

    /**
     * PUTs the body as the coordinator of {@code ownMunicipality}: in its own municipality the change is made
     * (checked by {@code changed}); in any other it is 403 problem+json and the resource stays as it was.
     */
    private static void putAsCoordinator(String ownMunicipality, String path, String body, Consumer<ValidatableResponse> changed) {
        String before = etag(path);
        String representationBefore = given().auth().oauth2(admin()).when().get(path).then().extract().asString();
        ValidatableResponse response = given().auth().oauth2(TestTokens.coordinator("coordinator-" + ownMunicipality, ownMunicipality))
                .contentType("application/json").header("If-Match", before).body(body)
                .when().put(path).then();
        if (path.startsWith("/api/v1/municipalities/" + ownMunicipality + "/")) {
            changed.accept(response.statusCode(200));
        } else {
            response.statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)).body("detail", containsString(ownMunicipality));
            assertEquals(before, etag(path), "a refused change changes nothing");
            assertEquals(representationBefore, given().auth().oauth2(admin()).when().get(path).then().extract().asString());
        }
    }
}
