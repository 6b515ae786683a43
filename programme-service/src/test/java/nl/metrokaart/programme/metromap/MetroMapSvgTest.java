package nl.metrokaart.programme.metromap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.metrokaart.programme.metromap.MetroMap.Station;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The layout and the SVG drawing without a server: rules of the picture, and {@code target/metro-map-example.svg}
 * for the demo-like programme so a person can look at it.
 */
class MetroMapSvgTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

    private static MetroMap demoMap() {
        DemoProgramme demo = DemoProgramme.create("example", TODAY);
        return MetroMapLayout.layout(demo.programme(), demo.projects(), demo.keyMilestones(), demo.dependencies(), TODAY);
    }

    @Test
    void writesTheExampleMapForPeopleToLookAt() throws Exception {
        MetroMap map = demoMap();
        String svg = MetroMapSvg.write(map);
        Path file = Path.of("target", "metro-map-example.svg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg, StandardCharsets.UTF_8);
        assertTrue(Files.size(file) > 1000);

        // What lands on disk is a whole SVG picture of this map, sized to it, as a browser or viewer opens it.
        Document doc = parse(Files.readString(file, StandardCharsets.UTF_8));
        Element root = doc.getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals(String.valueOf(map.width()), root.getAttribute("width"));
        assertEquals(String.valueOf(map.height()), root.getAttribute("height"));
        assertEquals("0 0 " + map.width() + " " + map.height(), root.getAttribute("viewBox"));
        assertEquals("Metrokaart: EGEM Krimpenerwaard", doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertEquals(map.lines().size(), withClass(doc, "path", "line").size());
        assertEquals(map.stations().size(), withClass(doc, "*", "station").size());
    }

    @Test
    void sameDataGivesByteIdenticalOutput() {
        DemoProgramme demo = DemoProgramme.create("example", TODAY);
        // The layout must not depend on the order the database returns rows in.
        List<nl.metrokaart.programme.project.Project> reversed = new ArrayList<>(demo.projects());
        java.util.Collections.reverse(reversed);
        List<nl.metrokaart.programme.milestone.Milestone> milestones = new ArrayList<>(demo.keyMilestones());
        java.util.Collections.reverse(milestones);
        List<nl.metrokaart.programme.dependency.Dependency> dependencies = new ArrayList<>(demo.dependencies());
        java.util.Collections.reverse(dependencies);
        MetroMap shuffled = MetroMapLayout.layout(demo.programme(), reversed, milestones, dependencies, TODAY);

        assertEquals(demoMap(), shuffled);
        assertEquals(MetroMapSvg.write(demoMap()), MetroMapSvg.write(shuffled));
    }

    @Test
    void svgHasOnePathPerLineAndOneMarkerPerStation() throws Exception {
        MetroMap map = demoMap();
        Document doc = parse(MetroMapSvg.write(map));

        List<Element> linePaths = withClass(doc, "path", "line");
        assertEquals(List.of("key-registers", "digital-services", "front-office"),
                linePaths.stream().map(e -> e.getAttribute("data-line")).toList());
        assertEquals(List.of("#E3001B", "#0065BD", "#009A44"), linePaths.stream().map(e -> e.getAttribute("stroke")).toList());

        List<Element> markers = withClass(doc, "*", "station");
        assertEquals(map.stations().size(), markers.size());
        assertEquals(map.stations().stream().map(s -> s.id().toString()).collect(Collectors.toSet()),
                markers.stream().map(e -> e.getAttribute("data-station")).collect(Collectors.toSet()));
        assertEquals(map.interchanges().size(), withClass(doc, "path", "interchange-link").size());
    }

    @Test
    void statusIsVisibleOnEveryMarker() throws Exception {
        MetroMap map = demoMap();
        Document doc = parse(MetroMapSvg.write(map));
        for (Element marker : withClass(doc, "*", "station")) {
            String status = marker.getAttribute("data-status");
            assertTrue(classes(marker).contains("status-" + status), "marker shows its status " + status);
        }
        Element realised = marker(doc, map, "BAG");
        assertEquals("#E3001B", realised.getAttribute("fill"), "a realised station is filled in its line colour");
        Element cancelled = marker(doc, map, "DMS");
        assertEquals("#EDEDED", cancelled.getAttribute("fill"), "a cancelled station is greyed out");
        Element proposed = marker(doc, map, "PIP");
        assertFalse(proposed.getAttribute("stroke-dasharray").isEmpty(), "a proposed station has a dashed outline");
        Element drawnStations = withClass(doc, "g", "stations").get(0);
        long glyphPaths = withClass(doc, "path", "status-glyph").stream()
                .filter(glyph -> glyph.getParentNode() == drawnStations).count();
        assertEquals(7, glyphPaths, "at risk (2 paths), on hold, realised (3 stations) and cancelled have glyph paths");
    }

    @Test
    void legendListsEveryLineAndStatusAndTheTitleIsThere() throws Exception {
        Document doc = parse(MetroMapSvg.write(demoMap()));
        String legend = withClass(doc, "g", "legend").get(0).getTextContent();
        // Dutch by default (the glossary's terms).
        for (String text : List.of("Basisregistraties", "Digitale dienstverlening", "Eén loket & KCC", "Voorgesteld",
                "Gepland", "In uitvoering", "In gevaar", "Stilgelegd", "Gerealiseerd", "Geschrapt", "Te laat", "Behaald",
                "Moet klaar zijn voor", "Beïnvloedt", "Lijnen", "Projectstatus", "Kernmijlpalen")) {
            assertTrue(legend.contains(text), "legend lists " + text);
        }
        String english = withClass(parse(MetroMapSvg.write(demoMap(), nl.metrokaart.programme.text.Texts.of(
                nl.metrokaart.platform.language.Language.EN))), "g", "legend").get(0).getTextContent();
        for (String text : List.of("Proposed", "In progress", "At risk", "Realised", "Overdue", "Must finish before", "Lines")) {
            assertTrue(english.contains(text), "English legend lists " + text);
        }
        assertEquals("Metrokaart: EGEM Krimpenerwaard", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(List.of("2024", "2025", "2026", "2027"),
                withClass(doc, "text", "year").stream().map(Element::getTextContent).toList());
    }

    @Test
    void textIsEscaped() throws Exception {
        Document doc = parse(MetroMapSvg.write(demoMap()));
        String labels = withClass(doc, "g", "labels").get(0).getTextContent();
        assertTrue(labels.contains("PIP Persoonlijke internetpagina <Mij"), labels);
        String stations = withClass(doc, "g", "stations").get(0).getTextContent();
        assertTrue(stations.contains("PIP Persoonlijke internetpagina <MijnOverheid> & berichtenbox"), stations);
        assertEquals("a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;", SvgWriter.escape("a&b <c> \"d\" 'e'\u0001"));
    }

    @Test
    void stationsRunInTimeOrderAndNeverCrowd() {
        MetroMap map = demoMap();
        for (MetroMap.Line line : map.lines()) {
            List<Station> stations = line.stations().stream()
                    .map(id -> map.stations().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow())
                    .toList();
            for (int i = 1; i < stations.size(); i++) {
                Station before = stations.get(i - 1);
                Station after = stations.get(i);
                assertFalse(after.date().isBefore(before.date()), "time order on " + line.code());
                assertTrue(after.x() - before.x() >= MetroMapLayout.MIN_GAP, "spacing on " + line.code());
                assertEquals(line.y(), after.y());
            }
        }
        // Lanes are far enough apart for the rotated labels of the lane below.
        for (int i = 1; i < map.lines().size(); i++) {
            int lane = i;
            int tallestLabel = map.stations().stream().filter(s -> s.line().equals(map.lines().get(lane).code()))
                    .mapToInt(s -> (int) (MetroMapLayout.labelWidth(MetroMapLayout.label(s)) * Math.sqrt(0.5)))
                    .max().orElse(0);
            assertTrue(map.lines().get(i).y() - map.lines().get(i - 1).y() > tallestLabel + MetroMapLayout.LABEL_DY);
        }
        assertTrue(map.width() > map.axis().endX());
        assertTrue(map.height() > map.axis().y());
    }

    private static Element marker(Document doc, MetroMap map, String code) throws Exception {
        String id = map.stations().stream().filter(s -> s.kind() == MetroMap.StationKind.PROJECT && s.code().equals(code))
                .findFirst().orElseThrow().id().toString();
        return withClass(doc, "*", "station").stream().filter(e -> e.getAttribute("data-station").equals(id))
                .findFirst().orElseThrow();
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> withClass(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (classes(element).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    static Set<String> classes(Element element) {
        return Arrays.stream(element.getAttribute("class").split("\\s+")).collect(Collectors.toSet());
    }
}
