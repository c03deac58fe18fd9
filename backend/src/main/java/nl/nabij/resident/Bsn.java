package nl.nabij.resident;

import java.util.Optional;

/**
 * A burgerservicenummer that passed the elfproef. It deliberately has no {@code toString} that shows the number,
 * so it cannot end up in a log line or an error message by accident; only {@link Pseudonymiser} reads the digits.
 */
public final class Bsn {

    private final String digits;

    private Bsn(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a BSN: nine digits, or eight for the older numbers written without their leading zero, passing the
     * elfproef; 000000000 is rejected. Returns empty for anything else, without saying what the input was.
     */
    public static Optional<Bsn> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String trimmed = input.strip();
        if (!trimmed.matches("\\d{8,9}")) {
            return Optional.empty();
        }
        String nine = trimmed.length() == 8 ? "0" + trimmed : trimmed;
        return passesElfproef(nine) ? Optional.of(new Bsn(nine)) : Optional.empty();
    }

    static boolean passesElfproef(String nineDigits) {
        if (nineDigits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    String digits() {
        return digits;
    }

    /**
     * The nine digits, for the one other reader: a request to the municipality's register of persons, which is asked
     * by BSN over a mutually authenticated connection. Never for logs, messages or the database.
     */
    public String digitsForTheRegister() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bsn bsn && bsn.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
