package nl.nabij.account;

/** The inputs of the account mutations that act on one existing account or grant. */
final class AccountInputs {

    private AccountInputs() {}

    /** Which account to disable or enable. */
    record Username(String username) {}

    /** Which account gets which new password. */
    record ResetPassword(String username, String newPassword) {}

    /** Which grant to approve or reject. */
    record GrantDecision(String grantId) {}
}
