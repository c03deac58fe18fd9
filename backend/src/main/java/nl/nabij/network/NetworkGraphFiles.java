package nl.nabij.network;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * A network as GraphML 1.0 and GEXF 1.2, written by JGraphT's exporters: one undirected graph, every node and edge
 * attribute of {@link ExportColumns} declared with its type, values left out where a node has none. Both formats carry
 * the edge weight as their own (GraphML's {@code weight} key, GEXF's {@code weight} attribute); GEXF adds meta naming
 * the area and day, and a label on every node. Gephi, yEd, Cytoscape and most graph
 * libraries read both.
 */
final class NetworkGraphFiles {

    static final String GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    static final String GEXF_NAMESPACE = "http://www.gexf.net/1.2draft";

    private NetworkGraphFiles() {}

    static byte[] graphMl(Network network) {
        var exporter = new GraphMLExporter<NetworkNode, Integer>(NetworkNode::id);
        // GraphML keys attributes by name, and nodes and edges both have a string "kind": one key for both.
        for (ExportColumns.Column<NetworkNode> column : ExportColumns.NODE) {
            exporter.registerAttribute(
                    column.name(),
                    column == ExportColumns.KIND
                            ? GraphMLExporter.AttributeCategory.ALL
                            : GraphMLExporter.AttributeCategory.NODE,
                    column.type().graphMl);
        }
        // The weight is the exporter's own edge weight: a double named "weight", 1.0 by default and left out there.
        exporter.setExportEdgeWeights(true);
        exporter.setEdgeIdProvider(NetworkGraphFiles::edgeId);
        exporter.setVertexAttributeProvider(node -> attributes(ExportColumns.NODE, node));
        exporter.setEdgeAttributeProvider(
                index -> attributes(ExportColumns.EDGE, network.edges().get(index)));
        return export(exporter, network);
    }

    static byte[] gexf(Network network) {
        var exporter = new GEXFExporter<NetworkNode, Integer>(NetworkNode::id, NetworkGraphFiles::edgeId);
        exporter.setCreator("Nabij");
        exporter.setDescription(text(description(network.scope())));
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        // GEXF has a label of its own on every node and a weight on every edge, so those are not attributes there.
        for (ExportColumns.Column<NetworkNode> column : ExportColumns.NODE) {
            if (column != ExportColumns.LABEL) {
                exporter.registerAttribute(column.name(), GEXFExporter.AttributeCategory.NODE, column.type().gexf);
            }
        }
        for (ExportColumns.Column<NetworkEdge> column : ExportColumns.EDGE) {
            if (column != ExportColumns.WEIGHT) {
                exporter.registerAttribute(column.name(), GEXFExporter.AttributeCategory.EDGE, column.type().gexf);
            }
        }
        exporter.setVertexAttributeProvider(node -> attributes(ExportColumns.NODE, node));
        exporter.setEdgeAttributeProvider(
                index -> attributes(ExportColumns.EDGE, network.edges().get(index)));
        return export(exporter, network);
    }

    /** What the file shows, for the GEXF description: the area, its code and the day. */
    static String description(NetworkScope scope) {
        return "Network of %s (%s) on %s: teams, organisations, vindplaatsen and professionals, and who works with whom"
                .formatted(scope.name(), scope.code(), scope.asOf());
    }

    /**
     * The network as a JGraphT graph in the order of its lists. An edge is its index in the network's list, so two
     * links between the same pair (of different kinds) stay two edges; the weight is set for GEXF's weight attribute.
     */
    private static Graph<NetworkNode, Integer> graph(Network network) {
        Graph<NetworkNode, Integer> graph = GraphTypeBuilder.<NetworkNode, Integer>undirected()
                .allowingMultipleEdges(true)
                .allowingSelfLoops(true)
                .weighted(true)
                .buildGraph();
        Map<String, NetworkNode> byId = new LinkedHashMap<>();
        for (NetworkNode node : network.nodes()) {
            graph.addVertex(node);
            byId.put(node.id(), node);
        }
        List<NetworkEdge> edges = network.edges();
        for (int i = 0; i < edges.size(); i++) {
            NetworkEdge edge = edges.get(i);
            graph.addEdge(byId.get(edge.source()), byId.get(edge.target()), i);
            graph.setEdgeWeight(i, edge.weight());
        }
        return graph;
    }

    private static byte[] export(GraphExporter<NetworkNode, Integer> exporter, Network network) {
        var out = new StringWriter();
        exporter.exportGraph(graph(network), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String edgeId(Integer index) {
        return "e" + index;
    }

    private static <T> Map<String, Attribute> attributes(List<ExportColumns.Column<T>> columns, T item) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (ExportColumns.Column<T> column : columns) {
            String value = column.value().apply(item);
            if (value != null) {
                attributes.put(column.name(), DefaultAttribute.createAttribute(text(value)));
            }
        }
        return attributes;
    }

    /**
     * The text with every character that XML 1.0 forbids (control characters, lone surrogates) replaced by U+FFFD.
     * The exporters escape markup but pass those through, and a single one makes the whole file unreadable.
     */
    static String text(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            safe.appendCodePoint(allowed(codePoint) ? codePoint : '\uFFFD');
            i += Character.charCount(codePoint);
        }
        return safe.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
