package nl.nabij.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a typed Dutch address becomes the key households are found by. */
class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1311HV", "1311 hv", " 1311 HV ", "1311\thv"})
    void aPostcodeIsStoredWithoutSpaceInCapitals(String typed) {
        assertThat(Addresses.normalisePostcode(typed)).isEqualTo("1311HV");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0311HV", "131HV", "1311H", "1311-HV", "HV1311", "1311SA", "1311SD", "1311SS"})
    void aPostcodeThatCannotExistIsATypedError(String typed) {
        assertThatThrownBy(() -> Addresses.normalisePostcode(typed))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> {
                    assertThat(error.field()).isEqualTo("postcode");
                    assertThat(error.code()).isEqualTo("MALFORMED_POSTCODE");
                    // The value itself never travels back.
                    assertThat(error.getMessage()).doesNotContain(typed);
                });
    }

    @Test
    void aMissingPostcodeIsATypedError() {
        assertThatThrownBy(() -> Addresses.normalisePostcode(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void houseNumbersRunFromOneTo99999() {
        assertThat(Addresses.requireHouseNumber(1)).isEqualTo(1);
        assertThat(Addresses.requireHouseNumber(99_999)).isEqualTo(99_999);
        assertThatThrownBy(() -> Addresses.requireHouseNumber(0))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> assertThat(error.code())
                        .isEqualTo("HOUSE_NUMBER_OUT_OF_RANGE"));
        assertThatThrownBy(() -> Addresses.requireHouseNumber(100_000)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void anAdditionIsInCapitalsAndBlankMeansNone() {
        assertThat(Addresses.normaliseAddition(" a ")).isEqualTo("A");
        assertThat(Addresses.normaliseAddition("2-hoog")).isEqualTo("2-HOOG");
        assertThat(Addresses.normaliseAddition("  ")).isNull();
        assertThat(Addresses.normaliseAddition(null)).isNull();
        assertThatThrownBy(() -> Addresses.normaliseAddition("a b"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> assertThat(error.code())
                        .isEqualTo("MALFORMED_HOUSE_NUMBER_ADDITION"));
        assertThatThrownBy(() -> Addresses.normaliseAddition("ABCDEFGHIJK"))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
