package nl.nabij.network;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.nabij.network.ExportColumns.Column;
import nl.nabij.network.ExportColumns.Type;

/**
 * A network as two CSV files (RFC 4180, UTF-8, CRLF line ends, a header row), the way Kumu and Gephi's spreadsheet
 * import take a graph: {@code nodes.csv} with one row per node and its metrics, {@code edges.csv} with one row per
 * link. The edge columns are named {@code source}, {@code target}, {@code kind}, {@code weight}, Gephi's names;
 * {@code kind} rather than Gephi's {@code type}, which there means directed or not. A tool that wants {@code From} and
 * {@code To} maps the first two on import.
 */
final class NetworkCsvWriter {

    private static final String LINE_END = "\r\n";

    private static final List<Column<NetworkNode>> NODE_COLUMNS = Stream.concat(
                    Stream.of(new Column<NetworkNode>("id", Type.STRING, NetworkNode::id)), ExportColumns.NODE.stream())
            .toList();
    private static final List<Column<NetworkEdge>> EDGE_COLUMNS = Stream.concat(
                    Stream.of(
                            new Column<NetworkEdge>("source", Type.STRING, NetworkEdge::source),
                            new Column<NetworkEdge>("target", Type.STRING, NetworkEdge::target)),
                    ExportColumns.EDGE.stream())
            .toList();

    private NetworkCsvWriter() {}

    static byte[] nodes(Network network) {
        return table(network.nodes(), NODE_COLUMNS);
    }

    static byte[] edges(Network network) {
        return table(network.edges(), EDGE_COLUMNS);
    }

    private static <T> byte[] table(List<T> items, List<Column<T>> columns) {
        StringBuilder csv = new StringBuilder();
        row(csv, columns, Column::name);
        for (T item : items) {
            row(csv, columns, column -> column.value().apply(item));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static <T> void row(StringBuilder csv, List<Column<T>> columns, Function<Column<T>, String> cell) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cell.apply(columns.get(i))));
        }
        csv.append(LINE_END);
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, quote, CR or LF, quotes doubled; null is empty. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
