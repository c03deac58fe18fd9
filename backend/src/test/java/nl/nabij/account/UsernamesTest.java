package nl.nabij.account;

import static org.assertj.core.api.Assertions.assertThat;

import nl.nabij.api.InputError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an administrator may call an account. */
class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fatma", "j.devries", "wijkteam-noord_2", "a.bakker@gemeente.nl", "abc", "12345678"})
    void lowerCaseNamesArePermitted(String username) {
        assertThat(Usernames.errors("username", username)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "000000000"})
    void nineDigitsAreRefusedBecauseTheyCouldBeABsn(String username) {
        assertThat(Usernames.errors("username", username))
                .extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("username", "USERNAME_NINE_DIGITS"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "Fatma", ".fatma", "fatma yilmaz", "fatma<b>", "zoë"})
    void malformedNamesAreRefused(String username) {
        assertThat(Usernames.errors("input.username", username))
                .extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("input.username", "MALFORMED_USERNAME"));
    }

    @org.junit.jupiter.api.Test
    void namesAreAtMostSixtyFourCharacters() {
        assertThat(Usernames.errors("username", "a".repeat(64))).isEmpty();
        assertThat(Usernames.errors("username", "a".repeat(65))).isNotEmpty();
    }
}
