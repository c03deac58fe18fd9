package nl.nabij.network;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A network as GraphML 1.0, which Gephi, yEd, Cytoscape and most graph libraries read: one undirected graph, a key
 * declared for every node and edge attribute, and the area and day in the graph's description.
 */
final class GraphMlWriter {

    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    private static final String SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    private GraphMlWriter() {}

    static byte[] write(Network network) {
        return ExportXml.document(xml -> {
            ExportXml.root(xml, "graphml", NAMESPACE, SCHEMA);
            for (ExportColumns.Column<NetworkNode> column : ExportColumns.NODE) {
                key(xml, "node", column);
            }
            for (ExportColumns.Column<NetworkEdge> column : ExportColumns.EDGE) {
                key(xml, "edge", column);
            }
            ExportXml.newLine(xml, 1);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", network.scope().code());
            xml.writeAttribute("edgedefault", "undirected");
            ExportXml.newLine(xml, 2);
            xml.writeStartElement("desc");
            xml.writeCharacters(ExportXml.text(ExportXml.description(network.scope())));
            xml.writeEndElement();
            for (NetworkNode node : network.nodes()) {
                ExportXml.newLine(xml, 2);
                xml.writeStartElement("node");
                xml.writeAttribute("id", node.id());
                data(xml, "node", ExportColumns.NODE, node);
                ExportXml.newLine(xml, 2);
                xml.writeEndElement();
            }
            List<NetworkEdge> edges = network.edges();
            for (int i = 0; i < edges.size(); i++) {
                NetworkEdge edge = edges.get(i);
                ExportXml.newLine(xml, 2);
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "e" + i);
                xml.writeAttribute("source", edge.source());
                xml.writeAttribute("target", edge.target());
                data(xml, "edge", ExportColumns.EDGE, edge);
                ExportXml.newLine(xml, 2);
                xml.writeEndElement();
            }
            ExportXml.newLine(xml, 1);
            xml.writeEndElement();
            ExportXml.newLine(xml, 0);
            xml.writeEndElement();
        });
    }

    /** Key ids carry the element they are for, as nodes and edges both have a {@code kind}. */
    private static String keyId(String element, ExportColumns.Column<?> column) {
        return element + "." + column.name();
    }

    private static void key(XMLStreamWriter xml, String element, ExportColumns.Column<?> column)
            throws XMLStreamException {
        ExportXml.newLine(xml, 1);
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", keyId(element, column));
        xml.writeAttribute("for", element);
        xml.writeAttribute("attr.name", column.name());
        xml.writeAttribute("attr.type", column.type().graphMl);
    }

    private static <T> void data(XMLStreamWriter xml, String element, List<ExportColumns.Column<T>> columns, T item)
            throws XMLStreamException {
        for (ExportColumns.Column<T> column : columns) {
            String value = column.value().apply(item);
            if (value != null) {
                ExportXml.newLine(xml, 3);
                xml.writeStartElement("data");
                xml.writeAttribute("key", keyId(element, column));
                xml.writeCharacters(ExportXml.text(value));
                xml.writeEndElement();
            }
        }
    }
}
