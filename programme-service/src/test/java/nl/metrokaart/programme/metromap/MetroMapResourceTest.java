package nl.metrokaart.programme.metromap;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.programme.metromap.MetroMapSvgTest.classes;
import static nl.metrokaart.programme.metromap.MetroMapSvgTest.parse;
import static nl.metrokaart.programme.metromap.MetroMapSvgTest.withClass;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import nl.metrokaart.platform.time.ClockProducer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@QuarkusTest
class MetroMapResourceTest {

    private static String secretary() {
        return TestTokens.withRoles("sec", Roles.SECRETARY);
    }

    private static DemoProgramme stored() {
        DemoProgramme demo = DemoProgramme.create(UUID.randomUUID().toString(), LocalDate.now(ClockProducer.PROGRAMME_ZONE));
        demo.persist();
        return demo;
    }

    private static String path(DemoProgramme demo) {
        return "/api/v1/programmes/" + demo.programme().id + "/metro-map";
    }

    @Test
    void jsonHasLinesStationsInTimeOrderAndInterchanges() {
        DemoProgramme demo = stored();
        JsonPath json = given().auth().oauth2(secretary())
                .when().get(path(demo))
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .body("programmeId", equalTo(demo.programme().id.toString()))
                .body("name", equalTo("EGEM Krimpenerwaard"))
                .body("lines.code", equalTo(List.of("key-registers", "digital-services", "front-office")))
                .body("lines.colour", equalTo(List.of("#E3001B", "#0065BD", "#009A44")))
                // 12 projects and 7 key milestones; the milestone that is not key is no station.
                .body("stations", hasSize(19))
                .body("stations.findAll { it.kind == 'milestone' }.title",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(containsString("geen sleutelmijlpaal"))))
                .body("interchanges", hasSize(6))
                .extract().jsonPath();

        List<Map<String, Object>> stations = json.getList("stations");
        Map<String, Map<String, Object>> byId = stations.stream()
                .collect(Collectors.toMap(s -> (String) s.get("id"), s -> s));
        for (Map<String, Object> line : json.<Map<String, Object>>getList("lines")) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) line.get("stations");
            List<Map<String, Object>> onLine = ids.stream().map(byId::get).toList();
            // Time order; on one day the project before its milestones.
            List<Map<String, Object>> sorted = new ArrayList<>(onLine);
            sorted.sort(Comparator.<Map<String, Object>, String>comparing(s -> (String) s.get("date"))
                    .thenComparing(s -> (String) s.get("kind"), Comparator.reverseOrder()));
            assertEquals(sorted.stream().map(s -> s.get("id")).toList(), ids, "time order on " + line.get("code"));
            for (int i = 0; i < onLine.size(); i++) {
                assertEquals(line.get("code"), onLine.get(i).get("line"));
                assertEquals(line.get("y"), onLine.get(i).get("y"), "stations sit on their lane");
                if (i > 0) {
                    assertTrue((Integer) onLine.get(i).get("x") - (Integer) onLine.get(i - 1).get("x")
                            >= MetroMapLayout.MIN_GAP, "stations keep their distance");
                }
            }
        }
        assertEquals(List.of("BAG", "GBA", "WOZ", "BGT"), stations.stream()
                .filter(s -> s.get("line").equals("key-registers") && s.get("kind").equals("project"))
                .map(s -> s.get("code")).toList());

        Map<String, Object> wabo = stations.stream().filter(s -> "WABO".equals(s.get("code")) && "project".equals(s.get("kind")))
                .findFirst().orElseThrow();
        assertEquals("at-risk", wabo.get("status"));
        assertEquals(demo.project("WABO").plannedStartDate.toString(), wabo.get("date"));
        assertEquals(demo.project("WABO").plannedEndDate.toString(), wabo.get("endDate"));
        assertEquals(false, wabo.get("interchange"));
        Map<String, Object> overdue = stations.stream().filter(s -> "Taxatieverslagen gereed".equals(s.get("title")))
                .findFirst().orElseThrow();
        assertEquals("overdue", overdue.get("status"));
        assertEquals("WOZ", overdue.get("code"));
        assertEquals(demo.project("WOZ").id.toString(), overdue.get("projectId"));

        Map<String, Object> gbaToKcc = json.<Map<String, Object>>getList("interchanges").stream()
                .filter(i -> i.get("fromProjectId").equals(demo.project("GBA").id.toString())).findFirst().orElseThrow();
        assertEquals(demo.project("KCC").id.toString(), gbaToKcc.get("toProjectId"));
        assertEquals("must-finish-before", gbaToKcc.get("type"));
        assertEquals("key-registers", gbaToKcc.get("fromLine"));
        assertEquals("front-office", gbaToKcc.get("toLine"));
        assertEquals(true, byId.get(demo.project("GBA").id.toString()).get("interchange"));
        assertTrue(json.getInt("width") > json.getInt("axis.endX"));
        int year = demo.programme().startDate.getYear();
        assertEquals(List.of(year, year + 1, year + 2, year + 3), json.getList("axis.ticks.year"));
    }

    @Test
    void sameDataGivesByteIdenticalJsonAndSvg() {
        DemoProgramme demo = stored();
        Response first = given().auth().oauth2(secretary()).when().get(path(demo));
        Response second = given().auth().oauth2(TestTokens.withRoles("int", Roles.INTEGRATOR)).when().get(path(demo));
        assertEquals(200, first.statusCode());
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("ETag"), second.header("ETag"));

        String svg1 = given().auth().oauth2(secretary()).accept("image/svg+xml").when().get(path(demo)).asString();
        String svg2 = given().auth().oauth2(secretary()).accept("image/svg+xml").when().get(path(demo)).asString();
        assertEquals(svg1, svg2);
    }

    @Test
    void svgDrawsOnePathPerLineAndOneMarkerPerStationWithLegendAndStatus() throws Exception {
        DemoProgramme demo = stored();
        JsonPath json = given().auth().oauth2(secretary()).when().get(path(demo)).then().statusCode(200)
                .extract().jsonPath();
        String svg = given().auth().oauth2(TestTokens.withRoles("coord", Roles.MUNICIPALITY_COORDINATOR))
                .accept("image/svg+xml")
                .when().get(path(demo))
                .then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("API-Version", equalTo("1.0.0"))
                .extract().asString();

        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(String.valueOf(json.getInt("width")), doc.getDocumentElement().getAttribute("width"));
        List<Element> linePaths = withClass(doc, "path", "line");
        assertEquals(json.getList("lines.code"), linePaths.stream().map(e -> e.getAttribute("data-line")).toList());
        List<Element> markers = withClass(doc, "*", "station");
        assertEquals(json.getList("stations").size(), markers.size());
        assertEquals(new java.util.HashSet<>(json.getList("stations.id")),
                markers.stream().map(e -> e.getAttribute("data-station")).collect(Collectors.toSet()));
        assertEquals(6, withClass(doc, "path", "interchange-link").size());

        Element wabo = markers.stream()
                .filter(e -> e.getAttribute("data-station").equals(demo.project("WABO").id.toString()))
                .findFirst().orElseThrow();
        assertEquals("at-risk", wabo.getAttribute("data-status"));
        assertTrue(classes(wabo).contains("status-at-risk"));
        Element kcc = markers.stream()
                .filter(e -> e.getAttribute("data-station").equals(demo.project("KCC").id.toString()))
                .findFirst().orElseThrow();
        assertTrue(classes(kcc).contains("interchange"), "a project with a dependency is an interchange");

        List<Element> legend = withClass(doc, "g", "legend");
        assertEquals(1, legend.size());
        assertTrue(legend.get(0).getTextContent().contains("Basisregistraties"));
        assertTrue(legend.get(0).getTextContent().contains("In gevaar"));
        assertFalse(withClass(doc, "text", "year").isEmpty(), "the time axis has year ticks");
    }

    @Test
    void everyRoleMayRead() {
        DemoProgramme demo = stored();
        for (String role : List.of(Roles.ADMIN, Roles.PROGRAMME_MANAGER, Roles.MUNICIPALITY_COORDINATOR,
                Roles.SECRETARY, Roles.INTEGRATOR)) {
            given().auth().oauth2(TestTokens.withRoles("u", role)).when().get(path(demo)).then().statusCode(200);
        }
    }

    @Test
    void unknownProgrammeIs404ProblemJsonForBothMediaTypes() {
        String unknown = "/api/v1/programmes/" + UUID.randomUUID() + "/metro-map";
        given().header("Accept-Language", "en").auth().oauth2(secretary()).when().get(unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        given().auth().oauth2(secretary()).accept("image/svg+xml").when().get(unknown)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTokenIs401ProblemJson() {
        given().when().get("/api/v1/programmes/" + UUID.randomUUID() + "/metro-map")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void unsupportedAcceptIs406ProblemJson() {
        DemoProgramme demo = stored();
        given().auth().oauth2(secretary()).accept("text/plain").when().get(path(demo))
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406))
                .body("detail", notNullValue());
    }
}
