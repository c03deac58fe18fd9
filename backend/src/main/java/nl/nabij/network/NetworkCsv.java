package nl.nabij.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import nl.nabij.network.ExportColumns.Column;
import nl.nabij.network.ExportColumns.Type;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A network as two CSV files (RFC 4180, UTF-8, CRLF line ends, a header row), the way Kumu and Gephi's spreadsheet
 * import take a graph: {@code nodes.csv} with one row per node and its metrics, {@code edges.csv} with one row per
 * link. The edge columns are named {@code source}, {@code target}, {@code kind}, {@code weight}, Gephi's names;
 * {@code kind} rather than Gephi's {@code type}, which there means directed or not. A tool that wants {@code From} and
 * {@code To} maps the first two on import. A node without a detail has an empty field.
 */
final class NetworkCsv {

    private static final List<Column<NetworkNode>> NODE_COLUMNS = Stream.concat(
                    Stream.of(new Column<NetworkNode>("id", Type.STRING, NetworkNode::id)), ExportColumns.NODE.stream())
            .toList();
    private static final List<Column<NetworkEdge>> EDGE_COLUMNS = Stream.concat(
                    Stream.of(
                            new Column<NetworkEdge>("source", Type.STRING, NetworkEdge::source),
                            new Column<NetworkEdge>("target", Type.STRING, NetworkEdge::target)),
                    ExportColumns.EDGE.stream())
            .toList();

    private NetworkCsv() {}

    static byte[] nodes(Network network) {
        return table(network.nodes(), NODE_COLUMNS);
    }

    static byte[] edges(Network network) {
        return table(network.edges(), EDGE_COLUMNS);
    }

    private static <T> byte[] table(List<T> items, List<Column<T>> columns) {
        var out = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                .get();
        try (var printer = new CSVPrinter(out, format)) {
            for (T item : items) {
                printer.printRecord(
                        columns.stream().map(column -> column.value().apply(item)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
