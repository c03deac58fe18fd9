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
        String line = "household 15f1d3d6-5770-4beb-bf04-86bb12345678 took 1234567 ms at 1765000000000, digest"
                + " 8ebdde214f56db0d14b8b47100eb17a12d98b6f77cbd43ff61e45852911f808d";

        assertThat(PersonalDataMaskingEncoder.mask(line)).isEqualTo(line);
    }
}
