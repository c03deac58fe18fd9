package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log encoder masks: BSN-shaped numbers wherever they stand, and nothing that is merely an id or a count. */
class PersonalDataMaskingEncoderTest {

    @Test
    void aBsnIsMaskedAloneQuotedOrGluedToLetters() {
        assertThat(PersonalDataMaskingEncoder.mask("Unrecognized token 'bsn111222333': was expecting"))
                .isEqualTo("Unrecognized token 'bsn*********': was expecting");
        assertThat(PersonalDataMaskingEncoder.mask("bsn=\"11122233\" and 111222333."))
                .isEqualTo("bsn=\"*********\" and *********.");
    }

    @Test
    void idsTimesAndLongerNumbersStayReadable() {
        String line = "household 15f1d3d6-5770-4beb-bf04-86bb12345678 took 1234567 ms at 1765000000000";

        assertThat(PersonalDataMaskingEncoder.mask(line)).isEqualTo(line);
    }
}
