package nl.nabij.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", " 123456782 ", "12345611"})
    void acceptsNumbersThatPassTheElfproef(String input) {
        assertThat(Bsn.parse(input)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "000000000", "00000000", "12345678a", "1234567", "1234567890", "", " "})
    void rejectsEverythingElse(String input) {
        assertThat(Bsn.parse(input)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(Bsn.parse(null)).isEmpty();
    }

    @Test
    void eightDigitNumbersAreTheNineDigitNumberWithoutItsLeadingZero() {
        assertThat(Bsn.parse("12345611")).isEqualTo(Bsn.parse("012345611"));
    }

    @Test
    void neverPrintsItsDigits() {
        assertThat(Bsn.parse("123456782").orElseThrow().toString()).doesNotContain("123456782");
    }
}
