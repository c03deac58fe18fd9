package nl.nabij.vindplaats.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The tabular data package's tables as RFC 4180 comma-separated values, by Apache Commons CSV: CRLF between records,
 * a field quoted where it must be, a quote inside doubled. Reading also takes LF line ends, blank lines and a leading
 * byte order mark, as spreadsheet programs write them. The first record is the header.
 */
final class Csv {

    private static final CSVFormat WRITE = CSVFormat.RFC4180;
    private static final CSVFormat READ =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private Csv() {}

    /** The table with the given header, one line per row; a missing or null value is an empty field. */
    static String write(List<String> header, List<Map<String, String>> rows) {
        var out = new StringBuilder();
        try (var printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header);
            for (Map<String, String> row : rows) {
                printer.printRecord(header.stream().map(row::get));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * The rows of a table, each a map from column name to value; an empty field reads as null. A row whose number of
     * fields differs from the header's, or a quoted field left open, is refused naming it.
     */
    static List<Map<String, String>> read(String text) {
        List<CSVRecord> records;
        try (var parser = CSVParser.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, READ)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("a quoted field is not closed", e);
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + record.size() + " fields, the"
                        + " header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i).isEmpty() ? null : record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
