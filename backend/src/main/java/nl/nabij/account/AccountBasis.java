package nl.nabij.account;

/**
 * The basis of an account event in the audit trail: the rule, then which account, role and scope the change was
 * about and who asked and decided, as {@code key=value} words an auditor can search for. Never a BSN: resident
 * accounts are not made here, and a username cannot be nine digits.
 */
final class AccountBasis {

    private final StringBuilder text = new StringBuilder("account-administration");

    /** Adds {@code key=value}; a null value is left out. */
    AccountBasis with(String key, Object value) {
        if (value != null) {
            text.append(' ').append(key).append('=').append(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
