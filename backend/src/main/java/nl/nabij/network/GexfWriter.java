package nl.nabij.network;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A network as GEXF 1.3, Gephi's own format: a static undirected graph, meta naming the area and day, the node and
 * edge attributes declared per class, nodes with their label and edges with their weight. An attribute's id is its
 * name, so Gephi shows the same column names as the other exports.
 */
final class GexfWriter {

    static final String NAMESPACE = "http://gexf.net/1.3";
    private static final String SCHEMA = "http://gexf.net/1.3/gexf.xsd";

    private static final List<ExportColumns.Column<NetworkNode>> NODE_ATTRIBUTES = ExportColumns.NODE.stream()
            .filter(column -> column != ExportColumns.LABEL)
            .toList();
    private static final List<ExportColumns.Column<NetworkEdge>> EDGE_ATTRIBUTES = ExportColumns.EDGE.stream()
            .filter(column -> column != ExportColumns.WEIGHT)
            .toList();

    private GexfWriter() {}

    static byte[] write(Network network) {
        return ExportXml.document(xml -> {
            ExportXml.root(xml, "gexf", NAMESPACE, SCHEMA);
            xml.writeAttribute("version", "1.3");
            meta(xml, network.scope());
            ExportXml.newLine(xml, 1);
            xml.writeStartElement("graph");
            xml.writeAttribute("defaultedgetype", "undirected");
            xml.writeAttribute("mode", "static");
            attributes(xml, "node", NODE_ATTRIBUTES);
            attributes(xml, "edge", EDGE_ATTRIBUTES);
            ExportXml.newLine(xml, 2);
            xml.writeStartElement("nodes");
            xml.writeAttribute("count", Integer.toString(network.nodes().size()));
            for (NetworkNode node : network.nodes()) {
                ExportXml.newLine(xml, 3);
                xml.writeStartElement("node");
                xml.writeAttribute("id", node.id());
                if (node.label() != null) {
                    xml.writeAttribute("label", ExportXml.text(node.label()));
                }
                attributeValues(xml, NODE_ATTRIBUTES, node);
                xml.writeEndElement();
            }
            ExportXml.newLine(xml, 2);
            xml.writeEndElement();
            ExportXml.newLine(xml, 2);
            xml.writeStartElement("edges");
            xml.writeAttribute("count", Integer.toString(network.edges().size()));
            List<NetworkEdge> edges = network.edges();
            for (int i = 0; i < edges.size(); i++) {
                NetworkEdge edge = edges.get(i);
                ExportXml.newLine(xml, 3);
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "e" + i);
                xml.writeAttribute("source", edge.source());
                xml.writeAttribute("target", edge.target());
                xml.writeAttribute("weight", ExportColumns.WEIGHT.value().apply(edge));
                attributeValues(xml, EDGE_ATTRIBUTES, edge);
                xml.writeEndElement();
            }
            ExportXml.newLine(xml, 2);
            xml.writeEndElement();
            ExportXml.newLine(xml, 1);
            xml.writeEndElement();
            ExportXml.newLine(xml, 0);
            xml.writeEndElement();
        });
    }

    /** The day the network stood as, so Gephi shows it as the file's date. */
    private static void meta(XMLStreamWriter xml, NetworkScope scope) throws XMLStreamException {
        ExportXml.newLine(xml, 1);
        xml.writeStartElement("meta");
        xml.writeAttribute("lastmodifieddate", scope.asOf().toString());
        ExportXml.newLine(xml, 2);
        xml.writeStartElement("creator");
        xml.writeCharacters("Nabij");
        xml.writeEndElement();
        ExportXml.newLine(xml, 2);
        xml.writeStartElement("description");
        xml.writeCharacters(ExportXml.text(ExportXml.description(scope)));
        xml.writeEndElement();
        ExportXml.newLine(xml, 1);
        xml.writeEndElement();
    }

    private static void attributes(
            XMLStreamWriter xml, String attributeClass, List<? extends ExportColumns.Column<?>> columns)
            throws XMLStreamException {
        ExportXml.newLine(xml, 2);
        xml.writeStartElement("attributes");
        xml.writeAttribute("class", attributeClass);
        for (ExportColumns.Column<?> column : columns) {
            ExportXml.newLine(xml, 3);
            xml.writeEmptyElement("attribute");
            xml.writeAttribute("id", column.name());
            xml.writeAttribute("title", column.name());
            xml.writeAttribute("type", column.type().gexf);
        }
        ExportXml.newLine(xml, 2);
        xml.writeEndElement();
    }

    private static <T> void attributeValues(XMLStreamWriter xml, List<ExportColumns.Column<T>> columns, T item)
            throws XMLStreamException {
        xml.writeStartElement("attvalues");
        for (ExportColumns.Column<T> column : columns) {
            String value = column.value().apply(item);
            if (value != null) {
                xml.writeEmptyElement("attvalue");
                xml.writeAttribute("for", column.name());
                xml.writeAttribute("value", ExportXml.text(value));
            }
        }
        xml.writeEndElement();
    }
}
