package nl.nabij.vindplaats.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 4180 reader and writer of the tabular data package. */
class CsvTest {

    @Test
    void whatIsWrittenReadsBackWithCommasQuotesAndLineBreaks() {
        Map<String, String> awkward = new HashMap<>();
        awkward.put("id", "1");
        awkward.put("text", "a, \"quoted\"\r\nsecond line");
        Map<String, String> empty = new HashMap<>();
        empty.put("id", "2");

        String csv = Csv.write(List.of("id", "text"), List.of(awkward, empty));

        assertThat(csv).isEqualTo("id,text\r\n1,\"a, \"\"quoted\"\"\r\nsecond line\"\r\n2,\r\n");
        assertThat(Csv.read(csv)).containsExactly(awkward, new HashMap<>(Map.of("id", "2")) {
            {
                put("text", null);
            }
        });
    }

    @Test
    void readsLfLineEndsAByteOrderMarkAndATrailingLineWithoutBreak() {
        assertThat(Csv.read("\uFEFFa,b\nx,\"y\"\n\nz,w"))
                .containsExactly(Map.of("a", "x", "b", "y"), Map.of("a", "z", "b", "w"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrAnOpenQuoteIsRefused() {
        assertThatThrownBy(() -> Csv.read("a,b\n1,2,3\n")).hasMessageContaining("row 1 has 3 fields");
        assertThatThrownBy(() -> Csv.read("a\n\"open\n")).hasMessageContaining("not closed");
    }
}
