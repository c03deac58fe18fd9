package nl.nabij.account;

import java.util.List;
import java.util.regex.Pattern;
import nl.nabij.api.InputError;

/**
 * The shape of a username, checked wherever an administrator names one. Nine digits are refused outright: that is
 * the shape of a BSN, and a username is shown to administrators and written to the audit trail, where a BSN must
 * never be. Refusing it before any lookup also means no answer tells whether such an account exists.
 */
final class Usernames {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

    private Usernames() {}

    /** What is wrong with the username, as typed errors on {@code field}; empty when it may be used. */
    static List<InputError> errors(String field, String username) {
        String name = username == null ? "" : username;
        if (NINE_DIGITS.matcher(name).matches()) {
            return List.of(new InputError(
                    field, "USERNAME_NINE_DIGITS", "a username of nine digits could be a BSN; choose another"));
        }
        if (!USERNAME.matcher(name).matches()) {
            return List.of(new InputError(
                    field,
                    "MALFORMED_USERNAME",
                    "username is 3 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit"));
        }
        return List.of();
    }
}
