package nl.nabij.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A typed Dutch address as Nabij keys households: postcode without space, house number, optional addition. Shared by
 * every feature that takes an address from a user (finding a household, registering by address and member), so each
 * answers bad input with the same typed errors.
 */
public final class Addresses {

    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}(?!SA|SD|SS)[A-Z]{2}");
    private static final Pattern ADDITION = Pattern.compile("[A-Z0-9-]{1,10}");
    private static final int HIGHEST_HOUSE_NUMBER = 99_999;

    private Addresses() {}

    /** The postcode as stored: spaces removed and letters in capitals, or a typed error naming the field. */
    public static String normalisePostcode(String postcode) {
        String normalised =
                postcode == null ? "" : postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!POSTCODE.matcher(normalised).matches()) {
            throw new InvalidArgumentException(
                    "postcode", "MALFORMED_POSTCODE", "postcode must be four digits and two letters, e.g. 1311 HV");
        }
        return normalised;
    }

    public static int requireHouseNumber(int houseNumber) {
        if (houseNumber < 1 || houseNumber > HIGHEST_HOUSE_NUMBER) {
            throw new InvalidArgumentException(
                    "houseNumber",
                    "HOUSE_NUMBER_OUT_OF_RANGE",
                    "houseNumber must be between 1 and " + HIGHEST_HOUSE_NUMBER);
        }
        return houseNumber;
    }

    /** The addition in capitals, null when absent or blank, or a typed error naming the field. */
    public static String normaliseAddition(String addition) {
        if (addition == null || addition.isBlank()) {
            return null;
        }
        String normalised = addition.strip().toUpperCase(Locale.ROOT);
        if (!ADDITION.matcher(normalised).matches()) {
            throw new InvalidArgumentException(
                    "houseNumberAddition",
                    "MALFORMED_HOUSE_NUMBER_ADDITION",
                    "houseNumberAddition is at most 10 letters, digits or hyphens");
        }
        return normalised;
    }
}
