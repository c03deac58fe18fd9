package nl.nabij.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.nabij.api.InputError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the two CBS files row by row, never holding more than one row: the national postcode file has about nine
 * million. Columns are found by name, case-insensitive, so both the current and the older CBS spellings are read;
 * codes come with their prefix ({@code BU03630000}) or, as the postcode file writes them, as bare digits
 * ({@code 03630000}).
 */
final class CbsFiles {

    static final Pattern MUNICIPALITY_CODE = Pattern.compile("GM\\d{4}");
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}[A-Z]{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private CbsFiles() {}

    /** Opens a file anew for each pass: checked whole first, then written. */
    @FunctionalInterface
    interface Source {
        Reader open() throws IOException;
    }

    /** One row of the Wijk- en buurtkaart table: a district, or a neighbourhood in a district. */
    record Area(
            long line,
            String municipalityCode,
            String municipalityName,
            String districtCode,
            String districtName,
            String neighbourhoodCode,
            String neighbourhoodName) {}

    /** One row of the postcode/house-number file: the neighbourhood an address lies in. */
    record Address(long line, String postcode, int houseNumber, String neighbourhoodCode, String municipalityCode) {}

    /** A row of a file that could not be read, with the code that says why. */
    record RowError(long line, String code, String message) {
        InputError in(String file) {
            return new InputError(file + ":" + line, code, message);
        }
    }

    // The column names CBS uses, current first; older Wijk- en buurtkaart files write GM_CODE, WK_NAAM, BU_CODE.
    private static final Map<String, List<String>> AREA_COLUMNS = Map.of(
            "municipalityCode", List.of("gemeentecode", "gm_code"),
            "municipalityName", List.of("gemeentenaam", "gm_naam"),
            "districtCode", List.of("wijkcode", "wk_code"),
            "districtName", List.of("wijknaam", "wk_naam"),
            "neighbourhoodCode", List.of("buurtcode", "bu_code"),
            "neighbourhoodName", List.of("buurtnaam", "bu_naam"));

    private static final List<String> REQUIRED_AREA_COLUMNS = List.of("municipalityCode", "districtCode");

    // The postcode file names its code columns after the year of the division: Buurt2025, Wijk2025, Gemeente2025.
    private static final Map<String, String> ADDRESS_COLUMN_PREFIXES = Map.of(
            "postcode", "pc6",
            "houseNumber", "huisnummer",
            "neighbourhood", "buurt",
            "municipality", "gemeente");

    /**
     * Reads the areas of one municipality; rows of others are skipped. Answers the error that stops the whole file (a
     * missing column), or empty when every row went to {@code areas} or {@code errors}.
     */
    static Optional<InputError> areas(
            Source source, String file, String municipality, Consumer<Area> areas, Consumer<RowError> errors) {
        try (Reader reader = source.open();
                CSVParser parser = format(reader)) {
            Map<String, Integer> columns = columns(parser, AREA_COLUMNS);
            for (String required : REQUIRED_AREA_COLUMNS) {
                if (!columns.containsKey(required)) {
                    return Optional.of(new InputError(
                            file,
                            "MISSING_COLUMN",
                            "the table has no column "
                                    + AREA_COLUMNS.get(required).get(0)));
                }
            }
            for (CSVRecord row : parser) {
                String municipalityCode = code(value(row, columns, "municipalityCode"), "GM", 4);
                if (!municipality.equals(municipalityCode)) {
                    continue;
                }
                long line = row.getRecordNumber() + 1;
                String districtCode = code(value(row, columns, "districtCode"), "WK", 6);
                String neighbourhoodCode = code(value(row, columns, "neighbourhoodCode"), "BU", 8);
                String digits = municipalityCode.substring(2);
                if (districtCode == null || !districtCode.startsWith("WK" + digits)) {
                    errors.accept(new RowError(
                            line,
                            "MALFORMED_DISTRICT_CODE",
                            "wijkcode is WK and six digits, the first four the municipality's"));
                } else if (value(row, columns, "neighbourhoodCode") != null
                        && (neighbourhoodCode == null
                                || !neighbourhoodCode.startsWith("BU" + districtCode.substring(2)))) {
                    errors.accept(new RowError(
                            line,
                            "MALFORMED_NEIGHBOURHOOD_CODE",
                            "buurtcode is BU and eight digits, the first six the district's"));
                } else {
                    areas.accept(new Area(
                            line,
                            municipalityCode,
                            value(row, columns, "municipalityName"),
                            districtCode,
                            value(row, columns, "districtName"),
                            neighbourhoodCode,
                            value(row, columns, "neighbourhoodName")));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the addresses of one municipality; rows of others are skipped, as for {@link #areas}. */
    static Optional<InputError> addresses(
            Source source, String file, String municipality, Consumer<Address> addresses, Consumer<RowError> errors) {
        try (Reader reader = source.open();
                CSVParser parser = format(reader)) {
            Map<String, Integer> columns = prefixed(parser);
            for (Map.Entry<String, String> column : ADDRESS_COLUMN_PREFIXES.entrySet()) {
                if (!columns.containsKey(column.getKey())) {
                    return Optional.of(
                            new InputError(file, "MISSING_COLUMN", "the file has no column " + column.getValue()));
                }
            }
            for (CSVRecord row : parser) {
                if (!municipality.equals(code(value(row, columns, "municipality"), "GM", 4))) {
                    continue;
                }
                long line = row.getRecordNumber() + 1;
                String postcode = value(row, columns, "postcode");
                postcode = postcode == null ? null : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
                String houseNumber = value(row, columns, "houseNumber");
                String neighbourhoodCode = code(value(row, columns, "neighbourhood"), "BU", 8);
                if (postcode == null || !POSTCODE.matcher(postcode).matches()) {
                    errors.accept(new RowError(line, "MALFORMED_POSTCODE", "PC6 is four digits and two capitals"));
                } else if (houseNumber == null
                        || !DIGITS.matcher(houseNumber).matches()
                        || houseNumber.length() > 5
                        || Integer.parseInt(houseNumber) < 1) {
                    errors.accept(
                            new RowError(line, "MALFORMED_HOUSE_NUMBER", "Huisnummer is a number from 1 to 99999"));
                } else if (neighbourhoodCode == null
                        || !neighbourhoodCode.startsWith("BU" + municipality.substring(2))) {
                    errors.accept(new RowError(
                            line,
                            "MALFORMED_NEIGHBOURHOOD_CODE",
                            "Buurt is eight digits, the first four the municipality's"));
                } else {
                    addresses.accept(new Address(
                            line, postcode, Integer.parseInt(houseNumber), neighbourhoodCode, municipality));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CBS code with its prefix: as given when it has one, else the digits padded to their length (the postcode file
     * writes {@code 0363} for {@code GM0363}); null when it is neither.
     */
    static String code(String value, String prefix, int digits) {
        if (value == null) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith(prefix)) {
            code = code.substring(prefix.length());
        }
        if (!DIGITS.matcher(code).matches() || code.length() > digits) {
            return null;
        }
        return prefix + "0".repeat(digits - code.length()) + code;
    }

    private static CSVParser format(Reader reader) throws IOException {
        // CBS writes semicolons; a table saved from a spreadsheet or GIS tool often has commas. The header says which.
        Reader buffered = reader.markSupported() ? reader : new BufferedReader(reader);
        buffered.mark(4096);
        char[] start = new char[4096];
        int read = buffered.read(start);
        buffered.reset();
        String header =
                read <= 0 ? "" : new String(start, 0, read).lines().findFirst().orElse("");
        char delimiter = header.indexOf(';') >= 0 || header.indexOf(',') < 0 ? ';' : ',';
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(buffered);
    }

    private static Map<String, Integer> columns(CSVParser parser, Map<String, List<String>> names) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = parser.getHeaderNames();
        // The first spelling found wins.
        for (int i = 0; i < header.size(); i++) {
            String name = clean(header.get(i));
            for (Map.Entry<String, List<String>> entry : names.entrySet()) {
                if (entry.getValue().contains(name)) {
                    columns.putIfAbsent(entry.getKey(), i);
                }
            }
        }
        return columns;
    }

    private static Map<String, Integer> prefixed(CSVParser parser) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = parser.getHeaderNames();
        for (int i = 0; i < header.size(); i++) {
            String name = clean(header.get(i));
            for (Map.Entry<String, String> entry : ADDRESS_COLUMN_PREFIXES.entrySet()) {
                if (name.startsWith(entry.getValue())) {
                    columns.putIfAbsent(entry.getKey(), i);
                }
            }
        }
        return columns;
    }

    private static String clean(String header) {
        // A file saved by Excel starts with a byte order mark, which would otherwise become part of the first name.
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String value(CSVRecord row, Map<String, Integer> columns, String key) {
        Integer index = columns.get(key);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
