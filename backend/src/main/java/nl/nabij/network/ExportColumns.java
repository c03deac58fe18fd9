package nl.nabij.network;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.gexf.GEXFAttributeType;

/**
 * The attributes the network exports carry per node and per edge, listed once so that GraphML, GEXF and the CSV files
 * cannot drift apart. Each value is the text the files hold, or null where a node has none (a detail), and is then
 * left out.
 */
final class ExportColumns {

    /** The value types of the attributes, as JGraphT's GraphML and GEXF exporters declare them. */
    enum Type {
        STRING(AttributeType.STRING, GEXFAttributeType.STRING),
        INTEGER(AttributeType.INT, GEXFAttributeType.INTEGER),
        DOUBLE(AttributeType.DOUBLE, GEXFAttributeType.DOUBLE),
        BOOLEAN(AttributeType.BOOLEAN, GEXFAttributeType.BOOLEAN);

        final AttributeType graphMl;
        final GEXFAttributeType gexf;

        Type(AttributeType graphMl, GEXFAttributeType gexf) {
            this.graphMl = graphMl;
            this.gexf = gexf;
        }
    }

    record Column<T>(String name, Type type, Function<T, String> value) {}

    /** Nodes and edges both have a kind; GraphML declares it once for both. */
    static final Column<NetworkNode> KIND =
            new Column<>("kind", Type.STRING, node -> node.kind().name());

    /** GEXF has a label of its own on every node, so it leaves this column out of its attributes. */
    static final Column<NetworkNode> LABEL = new Column<>("label", Type.STRING, NetworkNode::label);

    static final List<Column<NetworkNode>> NODE = List.of(
            KIND,
            LABEL,
            new Column<>("detail", Type.STRING, NetworkNode::detail),
            new Column<>("degree", Type.INTEGER, node -> Integer.toString(node.degree())),
            new Column<>("weightedDegree", Type.DOUBLE, node -> number(node.weightedDegree())),
            new Column<>("betweenness", Type.DOUBLE, node -> number(node.betweenness())),
            new Column<>("component", Type.INTEGER, node -> Integer.toString(node.component())),
            new Column<>("isolated", Type.BOOLEAN, node -> Boolean.toString(node.isolated())));

    /** GEXF has a weight of its own on every edge, so it leaves this column out of its attributes. */
    static final Column<NetworkEdge> WEIGHT = new Column<>("weight", Type.DOUBLE, edge -> number(edge.weight()));

    static final List<Column<NetworkEdge>> EDGE =
            List.of(new Column<>("kind", Type.STRING, edge -> edge.kind().name()), WEIGHT);

    private ExportColumns() {}

    /**
     * A number as every format and locale reads it: a dot as decimal separator, no exponent, no trailing zeros ("3",
     * "0.25", "0.0001"). The metrics are always finite: JGraphT's betweenness is 0 in graphs of one or two nodes.
     */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
